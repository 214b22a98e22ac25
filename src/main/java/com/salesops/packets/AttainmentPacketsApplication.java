package com.salesops.packets;

import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class AttainmentPacketsApplication {
}
