package com.salesops.packets.source;

/** Source data the run cannot work with (docs/numbers.md §3, §8); the message names the offending ids. */
public class DataProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DataProblemException(String message) {
        super(message);
    }
}
