def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log.contains('Bulwark generated com.example.pets.PetsClient')
def kotlin = log.indexOf('kotlin-maven-plugin:')
def javac = log.indexOf('maven-compiler-plugin:3.14.0:compile (java-compile)')
assert kotlin > 0 && javac > kotlin : 'kotlinc runs before javac'
assert new File(basedir, 'target/classes/com/example/app/AppKt.class').isFile()
assert new File(basedir, 'target/classes/com/example/pets/PetsClient.class').isFile()
return true
