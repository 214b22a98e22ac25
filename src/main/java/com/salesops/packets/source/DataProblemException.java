package com.salesops.packets.source;

/** Source data the run cannot work with at all (not a single bad booking: those become rejects). */
public class DataProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DataProblemException(String message) {
        super(message);
    }
}
