package dev.bulwark.runtime;

import dev.bulwark.runtime.retry.RetryBudget;
import dev.bulwark.runtime.retry.RetryPolicyProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * What several clients share so that the services one workflow calls behave as one: a connection pool, one retry
 * budget per host (clients of the same host back off together, other hosts are not punished), a policy provider and
 * listeners. Give the same context to each client's builder; close it after the clients.
 */
public final class RuntimeContext implements AutoCloseable {
  private final OkHttpClient httpClient;
  private final boolean ownsHttpClient;
  private final Supplier<RetryBudget> budgets;
  private final Map<String, RetryBudget> budgetsByHost = new ConcurrentHashMap<>();
  private final @Nullable RetryPolicyProvider retryPolicyProvider;
  private final List<CallListener> listeners;

  private RuntimeContext(Builder builder) {
    this.ownsHttpClient = builder.httpClient == null;
    this.httpClient = ownsHttpClient ? ClientRuntime.defaultHttpClient() : builder.httpClient;
    this.budgets = builder.budgets;
    this.retryPolicyProvider = builder.retryPolicyProvider;
    this.listeners = List.copyOf(builder.listeners);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The shared HTTP client and its connection pool. */
  public OkHttpClient httpClient() {
    return httpClient;
  }

  /** The retry budget of every client that calls {@code host}; created on first use. */
  public RetryBudget retryBudget(String host) {
    return budgetsByHost.computeIfAbsent(host.toLowerCase(Locale.ROOT), h -> budgets.get());
  }

  /** The shared policy provider, if any. */
  public @Nullable RetryPolicyProvider retryPolicyProvider() {
    return retryPolicyProvider;
  }

  /** The shared listeners. */
  public List<CallListener> listeners() {
    return listeners;
  }

  /** Releases the connection pool if the context created the HTTP client. */
  @Override
  public void close() {
    if (ownsHttpClient) {
      httpClient.dispatcher().executorService().shutdown();
      httpClient.connectionPool().evictAll();
    }
  }

  /** Builds a {@link RuntimeContext}. */
  public static final class Builder {
    private @Nullable OkHttpClient httpClient;
    private Supplier<RetryBudget> budgets = RetryBudget::standard;
    private @Nullable RetryPolicyProvider retryPolicyProvider;
    private final List<CallListener> listeners = new ArrayList<>();

    private Builder() {}

    /** The HTTP client to share; by default the context creates one and closes it on {@link #close()}. */
    public Builder okHttpClient(OkHttpClient httpClient) {
      this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
      return this;
    }

    /** Makes the budget for each host; {@link RetryBudget#standard()} by default. */
    public Builder retryBudgets(Supplier<RetryBudget> budgets) {
      this.budgets = Objects.requireNonNull(budgets, "budgets");
      return this;
    }

    public Builder retryPolicyProvider(RetryPolicyProvider provider) {
      this.retryPolicyProvider = Objects.requireNonNull(provider, "provider");
      return this;
    }

    public Builder listener(CallListener listener) {
      this.listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    public RuntimeContext build() {
      return new RuntimeContext(this);
    }
  }
}
