// Build 1 ran (invoker). This script runs builds 2-5 itself, changing the project in between, and checks each.
import java.nio.file.Files

def generated = new File(basedir, 'target/generated-sources/bulwark/com/example/shop')
mvn = new File(System.getProperty('maven.home'), 'bin/mvn').absolutePath

def build(String name, List<String> extra) {
  def log = new File(basedir, "build-${name}.log")
  def command = [mvn, '-B', '-o', "-Dmaven.repo.local=${localRepositoryPath}"] + extra
  def process = new ProcessBuilder(command.collect { it.toString() }).directory(basedir).redirectErrorStream(true).redirectOutput(log).start()
  assert process.waitFor() == 0 : "build ${name} failed; see ${log}"
  return log.text
}

assert new File(basedir, 'build.log').text.contains('Bulwark generated com.example.shop.ShopClient')
def client = new File(generated, 'ShopClient.java')
def item = new File(generated, 'model/Item.java')
def coupon = new File(generated, 'model/Coupon.java')
assert client.isFile() && item.isFile() && coupon.isFile()
// Old timestamps, so that a rewrite shows even on file systems with coarse clocks.
[client, item].each { it.setLastModified(1_000_000_000_000L) }

// Build 2: nothing changed -> up to date, nothing rewritten.
def second = build('unchanged', ['verify'])
assert second.contains('Bulwark client for shop.yaml is up to date')
assert client.lastModified() == 1_000_000_000_000L && item.lastModified() == 1_000_000_000_000L

// Build 3: only the $ref'd file changes -> regenerated; the client, unchanged, keeps its timestamp.
Files.copy(new File(basedir, 'changes/models.yaml').toPath(), new File(basedir, 'src/main/openapi/models.yaml').toPath(),
    java.nio.file.StandardCopyOption.REPLACE_EXISTING)
def third = build('ref-changed', ['verify'])
assert third.contains('Bulwark generated com.example.shop.ShopClient')
assert item.text.contains('getPrice')
assert client.lastModified() == 1_000_000_000_000L

// Build 4: the spec gains an operation and loses a model; the test switches to the new operation and property.
Files.copy(new File(basedir, 'changes/shop.yaml').toPath(), new File(basedir, 'src/main/openapi/shop.yaml').toPath(),
    java.nio.file.StandardCopyOption.REPLACE_EXISTING)
Files.copy(new File(basedir, 'changes/test/ShopTest.java').toPath(),
    new File(basedir, 'src/test/java/com/example/app/ShopTest.java').toPath(),
    java.nio.file.StandardCopyOption.REPLACE_EXISTING)
def fourth = build('spec-changed', ['verify'])
assert fourth.contains('Bulwark generated com.example.shop.ShopClient')
assert !coupon.exists() : 'the removed model must be deleted'
assert new File(generated, 'service/ItemsService.java').text.contains('listItems(')
assert fourth.contains('Tests run: 1, Failures: 0')
assert new File(basedir, 'target/surefire-reports/TEST-com.example.app.ShopTest.xml').text.contains('listsItemsWithTheirNewPrice')

// Build 5: only a plugin parameter changes -> regenerated (generation only: the test still names ShopClient).
def fifth = build('parameter-changed', ['generate-sources', '-Dbulwark.clientName=StoreClient'])
assert fifth.contains('Bulwark generated com.example.shop.StoreClient')
assert !client.exists() && new File(generated, 'StoreClient.java').isFile()
return true
