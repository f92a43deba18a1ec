package org.optreport.experiment;

/** One documented key of an experiment: its default value (as text) and a one-line description for --help. */
public record ParameterSpec(String key, String defaultValue, String description) {}
