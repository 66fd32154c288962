// The build generated the client, compiled it, and ran the consumer's tests against WireMock.
def generated = new File(basedir, 'target/generated-sources/bulwark/com/example/petstore')
assert new File(generated, 'PetStoreClient.java').isFile()
assert new File(generated, 'service/PetsService.java').isFile()
assert new File(generated, 'model/Pet.java').isFile()
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
