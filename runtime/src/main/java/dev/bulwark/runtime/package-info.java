/**
 * The call path every generated Bulwark client goes through.
 *
 * <p>A generated client builds one {@link dev.bulwark.runtime.ClientRuntime} and hands each call to it as an
 * {@link dev.bulwark.runtime.ApiRequest} for a static {@link dev.bulwark.runtime.OperationSpec}. No HTTP code lives in
 * generated methods: authentication, transport, response decoding and error mapping happen here, in one chain of steps,
 * so that every generated client behaves the same way.
 */
@NullMarked
package dev.bulwark.runtime;

import org.jspecify.annotations.NullMarked;
