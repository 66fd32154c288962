def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log.contains('The spec is not valid YAML or JSON.')
// File and line, in the compiler-like form editors link to.
assert log =~ /broken\.yaml:[45]: /
// A user error, not a crash: no stack trace at the default log level.
assert !log.contains('at dev.bulwark.')
assert !new File(basedir, 'target/generated-sources/bulwark/com').exists()
return true
