assert new File(basedir, 'sdk/target/generated-sources/pets/com/example/sdk/pets/PetsClient.java').isFile()
assert new File(basedir, 'sdk/target/generated-sources/orders/com/example/sdk/orders/OrdersClient.java').isFile()
def report = new File(basedir, 'app/target/surefire-reports/TEST-com.example.app.BothClientsTest.xml')
assert report.isFile() : 'the app module tests did not run'
def suite = new groovy.xml.XmlSlurper().parse(report)
assert suite.@tests.toInteger() == 1 && suite.@failures.toInteger() == 0 && suite.@errors.toInteger() == 0
return true
