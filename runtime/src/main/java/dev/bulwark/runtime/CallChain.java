package dev.bulwark.runtime;

import java.io.IOException;
import java.util.List;
import okhttp3.Request;
import okhttp3.Response;

/** Runs a list of {@link CallStep}s in order, the last one being the transport. */
final class CallChain implements CallStep.Chain {
  private final List<CallStep> steps;
  private final int index;
  private final CallContext context;

  CallChain(List<CallStep> steps, CallContext context) {
    this(steps, 0, context);
  }

  private CallChain(List<CallStep> steps, int index, CallContext context) {
    this.steps = steps;
    this.index = index;
    this.context = context;
  }

  @Override
  public ApiRequest call() {
    return context.call;
  }

  @Override
  public CallContext context() {
    return context;
  }

  @Override
  public Response proceed(Request request) throws IOException {
    if (index >= steps.size()) {
      throw new IllegalStateException("the last call step must send the request, not proceed");
    }
    return steps.get(index).proceed(request, new CallChain(steps, index + 1, context));
  }
}
