package dev.bulwark.runtime;

import java.io.IOException;
import java.util.List;
import okhttp3.Request;
import okhttp3.Response;

/** Runs a list of {@link CallStep}s in order, the last one being the transport. */
final class CallChain implements CallStep.Chain {
  private final List<CallStep> steps;
  private final int index;
  private final ApiRequest call;

  CallChain(List<CallStep> steps, ApiRequest call) {
    this(steps, 0, call);
  }

  private CallChain(List<CallStep> steps, int index, ApiRequest call) {
    this.steps = steps;
    this.index = index;
    this.call = call;
  }

  @Override
  public ApiRequest call() {
    return call;
  }

  @Override
  public Response proceed(Request request) throws IOException {
    if (index >= steps.size()) {
      throw new IllegalStateException("the last call step must send the request, not proceed");
    }
    return steps.get(index).proceed(request, new CallChain(steps, index + 1, call));
  }
}
