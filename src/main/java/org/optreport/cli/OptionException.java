package org.optreport.cli;

import org.optreport.errors.InputException;

/**
 * A command-line option whose value picocli accepted but the command cannot use (a negative --jobs, a --shard out of
 * range): one line naming the option, exit code 2, without the usage text picocli prints for a malformed command line.
 */
final class OptionException extends InputException {
    OptionException(String message) { super(message); }
}
