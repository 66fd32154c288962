def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log.contains('Tests run: 1, Failures: 0, Errors: 0')
assert new File(basedir, 'target/surefire-reports/TEST-com.example.app.ShopKitTest.xml').text.contains('anOrderIsRetriedWithOneKey')
return true
