// The build generated the client, compiled it, and ran the consumer's tests against WireMock.
def generated = new File(basedir, 'target/generated-sources/bulwark/com/example/petstore')
assert new File(generated, 'PetStoreClient.java').isFile()
assert new File(generated, 'service/PetsService.java').isFile()
assert new File(generated, 'model/Pet.java').isFile()
// The pet store's unkeyed POSTs are one warning line with their count; every one is in the report file.
def buildLog = new File(basedir, 'build.log').text
assert buildLog =~ /petstore\.yaml: \d+ operations have retries but are neither idempotent nor keyed/
assert !buildLog.contains('has retries but is not idempotent and has no idempotency key')
def warningsReport = new File(basedir, 'target/bulwark/warnings-petstore.yaml.txt')
assert warningsReport.isFile() && warningsReport.text.contains('has retries but is not idempotent and has no idempotency key')
assert new File(basedir, 'target/classes/com/example/petstore/PetStoreClient.class').isFile()

def report = new File(basedir, 'target/surefire-reports/TEST-com.example.consumer.PetStoreClientTest.xml')
assert report.isFile() : 'the consumer tests did not run'
def suite = new groovy.xml.XmlSlurper().parse(report)
assert suite.@tests.toInteger() >= 9 : "expected every operation to be tested, ran ${suite.@tests}"
assert suite.@failures.toInteger() == 0
assert suite.@errors.toInteger() == 0

def log = new File(basedir, 'build.log').text
assert log.contains('Bulwark generated com.example.petstore.PetStoreClient from petstore.yaml')
return true
