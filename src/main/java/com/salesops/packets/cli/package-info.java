/**
 * The command line: parses the job's own commands and options, leaves {@code --key=value} to
 * Spring, runs the command and turns its outcome into the exit codes cron sees (docs/architecture.md, "Operations").
 */
package com.salesops.packets.cli;
