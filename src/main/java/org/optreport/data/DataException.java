package org.optreport.data;

import org.optreport.errors.InputException;

/** Bad data: names the file and, where known, the line and column. */
public class DataException extends InputException {
    public DataException(String message) { super(message); }

    public static DataException at(String file, long line, String column, String message) {
        StringBuilder where = new StringBuilder(file);
        if (line > 0) where.append(':').append(line);
        if (column != null) where.append(", column '").append(column).append('\'');
        return new DataException(where + ": " + message);
    }
}
