/**
 * The call path every generated Bulwark client goes through.
 *
 * <p>A generated client builds one {@link dev.bulwark.runtime.ClientRuntime} and hands each call to it as an
 * {@link dev.bulwark.runtime.ApiRequest} for a static {@link dev.bulwark.runtime.OperationSpec}. No HTTP code lives in
 * generated methods: authentication, transport, response decoding and error mapping happen here, in one chain of steps,
 * so that every generated client behaves the same way.
 *
 * <p>Two audiences: users call the generated clients and, from here, {@link dev.bulwark.runtime.RequestOptions},
 * {@link dev.bulwark.runtime.ApiResponse}, {@link dev.bulwark.runtime.EventStream},
 * {@link dev.bulwark.runtime.BinaryResponse}, {@link dev.bulwark.runtime.RuntimeContext}, the listeners and
 * interceptors of {@code telemetry}, the policies of {@code retry} and the exceptions of {@code error}. What is marked
 * {@link dev.bulwark.runtime.internal.ForGeneratedCode} ({@code ApiRequest}, {@code OperationSpec}'s builder,
 * {@code ClientRuntime}'s {@code execute} methods, the JSON helpers) only generated code calls: it may change in any
 * release, with the generator.
 */
@NullMarked
package dev.bulwark.runtime;

import org.jspecify.annotations.NullMarked;
