/**
 * A test kit for code that uses a generated Bulwark client: {@link dev.bulwark.testing.ScriptedServer}, a loopback
 * server whose answers are scripted per operation (failures, server waits, dropped connections, slow bodies, event
 * streams) and that records what it received, and {@link dev.bulwark.testing.FakeTime}, so that retries never wait
 * in real time.
 */
@NullMarked
package dev.bulwark.testing;

import org.jspecify.annotations.NullMarked;
