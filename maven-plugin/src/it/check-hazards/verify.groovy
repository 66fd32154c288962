def log = new File(basedir, 'build.log').text
// The plan, one line per operation.
assert log =~ /POST\s+\/payments\s+pay\s+no\s+3 attempts, 250ms x2 up to 8s\s+attempt 30s, call 10s/
assert log =~ /GET\s+\/payments\/\{id\}\s+getPaymentsId\s+yes \(method\)/
// The hazards, each with its line and JSON pointer.
assert log.contains('hazards.yaml:6: /paths/~1payments/post: POST /payments has retries but is not idempotent and has no idempotency key')
assert log.contains('the call deadline (10s) is shorter than one attempt\'s timeout (30s)')
assert log.contains('hazards.yaml:11: /paths/~1payments~1{id}/get: no operationId')
// The second invocation failed because of failOnWarnings.
assert log.contains('and failOnWarnings is set')
return true
