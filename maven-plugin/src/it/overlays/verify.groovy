def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log.contains('Bulwark generated com.example.payments.PaymentsClient')
// The plugin's settings and the overlay leave the lint nothing to report.
assert !log.contains('is not idempotent'), 'the idempotency key from the pom covers every POST'
assert !log.contains('no x-bulwark-timeout'), 'the timeouts from the pom count as the spec root'
assert !log.contains('[WARNING]')
def service = { name -> new File(basedir, "target/generated-sources/bulwark/com/example/payments/service/${name}.java").text }
def charges = service('ChargesService')
assert charges.contains('.idempotencyKeyHeader("Idempotency-Key")')
assert charges.contains('.maxAttempts(4)') && charges.contains('Duration.ofMillis(200L)')
assert charges.contains('.call(Duration.ofSeconds(30L))')
def payouts = service('PayoutsService')
assert !payouts.contains('idempotencyKeyHeader'), 'the overlay exempts payouts from the key'
assert payouts.contains('RetryPolicy.none()')
// The vendor's file is as it was.
assert !new File(basedir, 'api/payments.yaml').text.contains('x-bulwark')
return true
