package dev.bulwark.runtime;

import org.jspecify.annotations.Nullable;

/**
 * Where an API puts the code, message and details of its errors, as the spec's {@code x-bulwark-error} says: each a
 * JSON pointer into the body ({@code /error/code}) or {@code header:} and a response header name
 * ({@code header:X-Error-Code}); {@code null} where the spec says nothing.
 */
public record ErrorEnvelope(@Nullable String code, @Nullable String message, @Nullable String details) {}
