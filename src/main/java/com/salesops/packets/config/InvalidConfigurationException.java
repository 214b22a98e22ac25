package com.salesops.packets.config;

/** A configuration value that passed binding but makes no sense; the message names the key. */
public final class InvalidConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidConfigurationException(String key, String problem) {
        super("Invalid configuration: " + key + " " + problem);
    }
}
