/** The command-line entry point: {@code java -jar bulwark-generator-<version>-cli.jar --spec FILE ...}. */
package dev.bulwark.generator.cli;
