/**
 * The {@code x-bulwark-*} spec extensions (and {@code x-speakeasy-retries}), read once, validated, and turned into
 * typed records. Nothing else in the generator reads an extension's raw map.
 */
package dev.bulwark.generator.extension;
