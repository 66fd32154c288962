def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
// The shared folder was allowed: its file was read, and the client written.
assert !log.contains('outside the folders the generator may read')
assert new File(basedir, 'target/generated-sources/bulwark/com/example/vendor/model/Money.java').exists()
// failOnWarnings fails the build, naming the first warning: the misspelt reference and what it loses.
assert log.contains('failOnWarnings is set; the first:')
assert log =~ /vendor\.yaml:\d+: \/components\/schemas\/Order\/properties\/total: cannot resolve/
assert log.contains("cannot resolve \$ref '#/components/schemas/Mony'")
// The parser's own word for the same reference is not shown beside it.
assert !log.contains('is not of type `schema`')
assert log.contains("did you mean '#/components/schemas/Money'?")
assert !log.contains('at dev.bulwark.')
return true
