package dev.bulwark.runtime.internal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks runtime API that generated clients call and users should not: {@code ApiRequest}, {@code OperationSpec}'s
 * builder, {@code ClientRuntime}'s {@code execute} methods, the JSON helpers. It stays public because generated code
 * lives in the user's packages, but it may change in any release, together with the generator; code written by hand
 * against it breaks on upgrade.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.CONSTRUCTOR, ElementType.FIELD})
public @interface ForGeneratedCode {}
