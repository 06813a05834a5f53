package dev.rebound.classifier.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebound.contracts.error.Category;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Rules for failures that a re-run would likely pass (agents, daemons, devices, uploads, catalogs, waits, races)
 * and for code errors that used to be unknown, each with the tool's own wording and with lookalikes that must stay
 * permanent.
 */
class GeneralRulesTest {

    private final Classifier classifier = new Classifier(RuleLoader.defaults());

    private Verdict classify(String log) {
        return classifier.classify(Failure.ofText(log));
    }

    private void assertRetriedBy(String log, String ruleId, Category category) {
        Verdict verdict = classify(log);
        assertThat(verdict.ruleId()).as(log).isEqualTo(ruleId);
        assertThat(verdict.category()).as(log).isEqualTo(category);
        assertThat(verdict.transientFailure()).as(log).isTrue();
    }

    private void assertPermanent(String log, Category category) {
        Verdict verdict = classify(log);
        assertThat(verdict.category()).as(log).isEqualTo(category);
        assertThat(verdict.transientFailure()).as(log).isFalse();
    }

    @Test
    void aNameMissingFromTheProjectsOwnModuleIsItsCodeAndFromAnInstalledPackageADependency() {
        assertPermanent("E   ImportError: cannot import name 'apply_discount' from 'orders.pricing' "
                + "(/home/runner/work/shop/shop/orders/pricing.py)", Category.COMPILATION);
        assertPermanent("ImportError: cannot import name 'soft_unicode' from 'markupsafe' "
                + "(/opt/hostedtoolcache/Python/3.11.6/x64/lib/python3.11/site-packages/markupsafe/__init__.py)",
                Category.DEPENDENCY);
        assertPermanent("ImportError: cannot import name 'url_quote' from 'werkzeug.urls' "
                + "(C:\\hostedtoolcache\\windows\\Python\\3.12.0\\x64\\Lib\\site-packages\\werkzeug\\urls.py)",
                Category.DEPENDENCY);
    }

    @Test
    void kubectlGivingUpOnARolloutInADeployStepIsAFailedRolloutNotABlip() {
        String log = "Waiting for deployment \"orders-api\" rollout to finish: 2 out of 3 new replicas have been updated...\n"
                + "error: timed out waiting for the condition";
        Verdict deploying = classifier.classify(new Failure(log, "Deploy to production", 1, null, null, null));
        assertThat(deploying.ruleId()).isEqualTo("deploy.wait-timed-out");
        assertThat(deploying.category()).isEqualTo(Category.DEPLOYMENT);
        assertThat(deploying.transientFailure()).isFalse();
        // elsewhere (a test's setup waiting for a pod) the same words stay a timeout
        assertThat(classifier.classify(new Failure("error: timed out waiting for the condition", "integration tests", 1,
                null, null, null)).category()).isEqualTo(Category.TIMEOUT);
    }

    @Test
    void aKubernetesWarningEventIsWhatWentWrongNotANoteToSkip() {
        // kubectl describe's Events: the type column says Warning; the event is the cause of the failed rollout
        String log = "Waiting for deployment \"web\" rollout to finish: 0 of 2 updated replicas are available...\n"
                + "error: deployment \"web\" exceeded its progress deadline\n"
                + "Events:\n"
                + "  Type     Reason     Age                From               Message\n"
                + "  ----     ------     ----               ----               -------\n"
                + "  Normal   Scheduled  2m                 default-scheduler  Successfully assigned prod/web-7d9 to node-2\n"
                + "  Warning  Failed     90s (x4 over 2m)   kubelet            Failed to pull image \"registry.example.com/web:1.4.2\": "
                + "rpc error: code = NotFound desc = failed to pull and unpack image \"registry.example.com/web:1.4.2\": "
                + "registry.example.com/web:1.4.2: not found\n"
                + "  Normal   BackOff    60s (x6 over 2m)   kubelet            Back-off pulling image \"registry.example.com/web:1.4.2\"";
        Verdict verdict = classifier.classify(new Failure(log, "Deploy", 1, null, null, null));
        assertThat(verdict.category()).isEqualTo(Category.DEPENDENCY);
        assertThat(verdict.transientFailure()).isFalse();
    }

    @Test
    void agentsDaemonsAndDevicesThatFailUnderTheJobAreRetried() {
        // Jenkins remoting (hudson.FilePath, hudson.remoting.Channel)
        assertRetriedBy("java.io.IOException: Remote call on agent-linux-04 failed", "ci.runner-lost", Category.INFRASTRUCTURE);
        assertRetriedBy("java.io.IOException: remote file operation failed: /home/jenkins/workspace/build at "
                + "hudson.remoting.Channel@3b1c5d0f:agent-linux-04: java.io.IOException: Backing channel 'agent-linux-04' "
                + "is disconnected.", "ci.runner-lost", Category.INFRASTRUCTURE);
        // glibc's heap check in a system daemon (glibc < 2.26 names the program)
        assertRetriedBy("*** Error in `/usr/sbin/libvirtd': realloc(): invalid next size: 0x00007f3c2c0f41a0 ***",
                "infra.daemon-crashed", Category.INFRASTRUCTURE);
        // LVM and device-mapper, util-linux
        assertRetriedBy("  device-mapper: reload ioctl on  (253:4) failed: Invalid argument\n"
                + "  Failed to suspend logical volume ci-vg/volume-42.", "infra.block-device", Category.INFRASTRUCTURE);
        assertRetriedBy("  libdevmapper exiting with 1 device(s) still suspended.", "infra.block-device",
                Category.INFRASTRUCTURE);
        assertRetriedBy("  Volume group for uuid not found: Jd8Yk3wXQ0pLmN2bV7cR9tS1uF4gH6zA", "infra.block-device",
                Category.INFRASTRUCTURE);
        assertRetriedBy("umount: /mnt/rg-scratch: target is busy.", "infra.block-device", Category.INFRASTRUCTURE);
        assertRetriedBy("losetup: /tmp/lo/b.img: failed to set up loop device: Device or resource busy",
                "infra.block-device", Category.INFRASTRUCTURE);
        assertRetriedBy("losetup: cannot find an unused loop device", "infra.block-device", Category.INFRASTRUCTURE);
        assertRetriedBy("losetup: could not find any free loop device", "infra.block-device", Category.INFRASTRUCTURE);
        // dnsmasq had no lease to give
        assertRetriedBy("dnsmasq-dhcp[2412]: DHCPDISCOVER(tap3f2a9c0d-1e) fa:16:3e:12:34:56 no address available",
                "infra.platform-state", Category.INFRASTRUCTURE);
    }

    @Test
    void locksCatalogsSchedulersAndCleanupsThatRacedTheJobAreRetried() {
        assertRetriedBy("Another instance of Certbot is already running.", "infra.lock-held", Category.INFRASTRUCTURE);
        assertRetriedBy("You are already running a stack.sh session.", "infra.lock-held", Category.INFRASTRUCTURE);
        assertRetriedBy("keystoneauth1.exceptions.catalog.EndpointNotFound: Could not find requested endpoint in "
                + "Service Catalog.", "infra.service-catalog", Category.INFRASTRUCTURE);
        assertRetriedBy("publicURL endpoint for volume service in RegionOne region not found", "infra.service-catalog",
                Category.INFRASTRUCTURE);
        assertRetriedBy("The service catalog is empty.", "infra.service-catalog", Category.INFRASTRUCTURE);
        assertRetriedBy("Stack overcloud is in CREATE_FAILED status due to 'Resource CREATE failed: EndpointNotFound: "
                + "publicURL endpoint for image service in RegionOne region not found'", "infra.service-catalog",
                Category.INFRASTRUCTURE);
        assertRetriedBy("nova.exception.NovaException: Unable to find host for Instance 5f0c9e2a-1b7d-4c3e",
                "infra.cloud-capacity", Category.INFRASTRUCTURE);
        assertRetriedBy("Error: another process changed the consumer after the report client read the consumer state",
                "infra.platform-state", Category.INFRASTRUCTURE);
        assertRetriedBy("cinder.exception.VolumeTypeInUse: VolumeType deletion failed, VolumeType in use.",
                "infra.platform-state", Category.INFRASTRUCTURE);
        assertRetriedBy("Unexpected number of images for test_create_backup; was the oldest backup not yet deleted?",
                "infra.platform-state", Category.INFRASTRUCTURE);
        assertRetriedBy("ImageKilledException: Image 3f2a9c0d 'killed' while waiting for 'active'",
                "infra.platform-state", Category.INFRASTRUCTURE);
    }

    @Test
    void uploadsAndWaitsThatEndedEarlyAreRetried() {
        // aws-cli, python-swiftclient
        assertRetriedBy("upload failed: dist/app.tar.gz to s3://ci-artifacts/app.tar.gz Connection was closed before "
                + "we received a valid response from endpoint URL", "network.connection-reset", Category.NETWORK);
        assertRetriedBy("Object PUT failed: https://swift.example.org/v1/AUTH_ci/logs/run-42/console.html 503 "
                + "Service Unavailable", "http.server-error", Category.INFRASTRUCTURE);
        assertRetriedBy("Object PUT failed: https://swift.example.org/v1/AUTH_ci/logs/run-42/console.html",
                "network.upload-failed", Category.NETWORK);
        assertRetriedBy("failure and no ability to reset contents for reupload", "network.upload-failed",
                Category.NETWORK);
        // a waiter gave up while the resource was still on its way
        assertRetriedBy("Server 5f0c9e2a failed to reach ACTIVE status and task state \"None\" within the required time "
                + "(196 s). Current status: BUILD. Current task state: spawning.", "timeout.read", Category.TIMEOUT);
        assertRetriedBy("Current status: HARD_REBOOT", "timeout.transitional-state", Category.TIMEOUT);
        assertRetriedBy("Current status: MIGRATING. Current task state: migrating.", "timeout.transitional-state",
                Category.TIMEOUT);
        assertRetriedBy("testtools.matchers._impl.MismatchError: u'PENDING_CREATE' != 'ACTIVE'",
                "timeout.transitional-state", Category.TIMEOUT);
    }

    @Test
    void testsThatFailedOnATimingOrConcurrencySignalAreRetried() {
        String race = """
                ERROR: test_snapshot_while_writer_runs (tests.test_cache.CacheTest.test_snapshot_while_writer_runs)
                ----------------------------------------------------------------------
                Traceback (most recent call last):
                  File "/src/tests/test_cache.py", line 19, in test_snapshot_while_writer_runs
                    for k in cache:
                RuntimeError: dictionary changed size during iteration

                ----------------------------------------------------------------------
                Ran 1 test in 0.020s

                FAILED (errors=1)
                """;
        // a collection changed under its reader is as often the code's own loop changing it, which fails every time
        for (String log : List.of(race, "RuntimeError: Set changed size during iteration",
                "ValueError: list modified during sort")) {
            assertThat(classify(log).transientFailure()).as(log).isFalse();
        }
        assertRetriedBy("FAIL: test_node_write_timeout", "test.flaky-timing-name", Category.TEST_FAILURE);
        assertRetriedBy("FAIL: tests.unit.test_pool.PoolTest.test_wait_for_free_slot", "test.flaky-timing-name",
                Category.TEST_FAILURE);
        assertRetriedBy("test_different_fname_concurrency", "test.flaky-timing-name", Category.TEST_FAILURE);
        assertRetriedBy("AssertionError: False is not true : Timed out waiting for 10.1.0.5 to become reachable\n"
                + "FAILED (failures=1)", "test.assertion-timing", Category.TIMEOUT);
        assertRetriedBy("AssertionError: metadata proxy unreachable on 169.254.169.254 before timeout",
                "test.assertion-timing", Category.TIMEOUT);
        assertRetriedBy("AssertionError: Correct notifications were not received after 10 seconds",
                "test.assertion-timing", Category.TIMEOUT);
    }

    @Test
    void anUploadTheStoreRefusedForGoodIsNotTakenForABlip() {
        for (String log : List.of("Object PUT failed: https://swift.example.org/v1/AUTH_ci/ci-logs/a.txt 404 Not Found",
                "Object PUT failed: https://swift.example.org/v1/AUTH_ci/ci-logs/a.txt 413 Request Entity Too Large")) {
            assertThat(classify(log).ruleId()).as(log).isNotEqualTo("network.upload-failed");
        }
    }

    @Test
    void aBareUploadFailureIsLeftToNoRule() {
        // as often a missing key or file as a storage blip: no rule claims it, only the unknown's one retry applies
        assertThat(classify("Failure uploading file to container ci-logs").ruleId()).isEqualTo(Classifier.NO_RULE);
    }

    @Test
    void lookalikesOfTheseStayPermanent() {
        for (String log : List.of(
                // a project's own binary with a corrupted heap is a bug in the project
                "*** Error in `./build/tests/parser_test': double free or corruption (fasttop): 0x0000000001b2c010 ***",
                "free(): invalid pointer\nAborted (core dumped)",
                // a loop device over a file that is not there
                "losetup: /tmp/lo/missing.img: failed to set up loop device: No such file or directory",
                // uploads refused or with nothing to upload
                "upload failed: dist/app.tar.gz to s3://ci-artifacts/app.tar.gz An error occurred (AccessDenied) when "
                        + "calling the PutObject operation: Access Denied",
                "Failed to upload artifact: ENOENT: no such file or directory, open 'dist/app.zip'",
                "[31mFailed to upload index.html (Access key cannot be null.). Trying again in 1 second.",
                // code errors in tests about timeouts, waits and races
                "ERROR: test_connect_with_timeout (tests.test_client.ClientTest.test_connect_with_timeout)\n"
                        + "Traceback (most recent call last):\n"
                        + "  File \"/src/tests/test_client.py\", line 10, in test_connect_with_timeout\n"
                        + "    self.assertEqual(connect(\"db\", port=5432, timeout=3), (\"db\", 5432))\n"
                        + "TypeError: connect() got an unexpected keyword argument 'timeout'",
                "TypeError: server() got an unexpected keyword argument 'socket_timeout'",
                "FAIL: test_trace_parser",
                "FAIL: test_embrace_defaults",
                "AssertionError: 30 != 60 : default timeout",
                "no such option rpc_response_timeout in group [DEFAULT]",
                // Jenkins wraps every workspace error in "remote file operation failed": the cause decides
                "java.io.IOException: remote file operation failed: /ws at hudson.remoting.Channel@1a2b3c:agent-1: "
                        + "java.nio.file.AccessDeniedException: /ws/out",
                // assertions that compare a timing word rather than say a wait ran out
                "E   AssertionError: assert 'timed out' == 'ok'",
                "AssertionError: token should expire within 5 seconds, expires in 3600",
                // a resource in a final state that is wrong, not on its way
                "testtools.matchers._impl.MismatchError: 'ERROR' != 'ACTIVE'")) {
            assertThat(classify(log).transientFailure()).as(log).isFalse();
        }
    }

    @Test
    void pythonErrorsOfTheCodeAreTestFailuresEvenWithoutTheExceptionName() {
        for (String log : List.of(
                "delete_port() got an unexpected keyword argument 'l3_port_check'",
                "'StrOpt' object has no attribute 'type'",
                "AttributeError: virConnect instance has no attribute 'registerCloseCallback'",
                "unsupported operand type(s) for *: 'NoneType' and 'int'",
                "Maximum recursion depth exceeded",
                "E   RecursionError: maximum recursion depth exceeded",
                "UnboundLocalError: local variable 'domain' referenced before assignment",
                "TypeError: get() takes 2 positional arguments but 3 were given",
                "TypeError: __init__() missing 1 required positional argument: 'host'",
                "TypeError: 'NoneType' object is not subscriptable",
                "NameError: name 'StandardError' is not defined",
                "controller | UnicodeDecodeError: 'utf-8' codec can't decode byte 0xb3 in position 0: invalid start byte",
                "ValueError: not enough values to unpack (expected 2, got 1)",
                "Fatal Python error: Cannot recover from stack overflow.",
                "Failed to import test module: cinder.tests.unit.test_emc_vmax",
                "TestCase.setUp was already called. Do not explicitly call setUp from your tests.",
                "TypeError",
                // bare lines of a traceback and tests named on their own
                "return server.networks[network_name][0]",
                "raise ValueError(\"Unable to compute factors p and q from exponent d.\")",
                "  File \"tempest/scenario/test_network_basic_ops.py\", line 160, in test_preserve_preexisting_port",
                "in test_volume_list_details_with_multiple_params",
                "nova.tests.unit.test_context.ContextTestCase.test_store_when_no_overwrite",
                "ERROR: openstack_dashboard.test.integration_tests.tests.test_keypair.TestKeypair.test_keypair",
                // SQL the schema does not have, or data it refuses
                "sqlite3.OperationalError: no such table: orders",
                "ERROR:  update or delete on table \"networks\" violates foreign key constraint \"ports_network_id_fkey\" "
                        + "on table \"ports\"",
                "Table 'neutron_ml2.meteringlabels' doesn't exist",
                // a crash
                "bash: line 1:  8830 Segmentation fault      ./parse_fixtures")) {
            assertPermanent(log, Category.TEST_FAILURE);
        }
        assertPermanent("F841 local variable\nis assigned to but never used", Category.QUALITY_GATE);
        assertPermanent("************* Module neutron.agent.linux.utils", Category.QUALITY_GATE);
        assertPermanent("ModuleNotFoundError", Category.DEPENDENCY);
        assertPermanent("cannot import name Compiler", Category.DEPENDENCY);
        assertPermanent("Detected a distutils installed project ('psutil') which we cannot uninstall.", Category.DEPENDENCY);
        assertPermanent("python3-all-dev : Depends", Category.DEPENDENCY);
        assertPermanent("[ 8123.456789] Killed process 4321 (python) total-vm:2456780kB, anon-rss:1843200kB",
                Category.RESOURCE_EXHAUSTION);
    }

    @Test
    void aToolchainOlderThanTheCodeAPackageDatabaseMissAndADocsCheckAreNamed() {
        // swiftc that predates an attribute the code uses: the runner's Xcode is too old, not the code wrong
        Verdict swift = classify("❌  /Users/travis/build/x/Source/JSON.swift:17:2: unknown attribute 'dynamicMemberLookup'\n"
                + "@dynamicMemberLookup\n ^\n** BUILD FAILED **");
        assertThat(swift.ruleId()).isEqualTo("swift.toolchain-too-old");
        assertThat(swift.category()).isEqualTo(Category.CONFIGURATION);
        assertThat(classify("Sources/App.swift:3:2: error: unknown attribute 'dynamicMemberLookUp'").category())
                .as("a misspelt attribute is the code's error").isEqualTo(Category.COMPILATION);

        // lit (Luvit's package manager) could not find an object in its database or upstream
        Verdict lit = classify("lit version: 3.5.4\nuv.run: No such hash: 31b8b2b4c3dd1e1f6d7cfe2e2a0a4f19a2a2fd87\n"
                + "stack traceback:\n\t[C]: in function 'error'\n\t[string \"bundle:deps/rdb.lua\"]:72: in function 'fetch'");
        assertThat(lit.category()).isEqualTo(Category.DEPENDENCY);
        assertThat(lit.transientFailure()).isFalse();

        // a documentation checker's finding fails the same way every time
        assertPermanent("error: File \\\"/home/travis/build/x/layers/+lang/go/README.org\\\" doesn't have "
                + "\\\"Features:\\\" list in the top level \\\"Description\\\" headline", Category.QUALITY_GATE);
        assertThat(classify("objcopy: file libfoo.so does not have a .debug section").ruleId())
                .as("a binary without a section is not a docs check").isNotEqualTo("gate.docs-structure");
    }

    @Test
    void aMissingCommandAnUnsupportedPythonAPluginThatWillNotLoadAndAMockOutOfDateFailEveryRun() {
        assertPermanent("+ ./stack.sh\nsh: 1: mkisofs: not found\nERROR: the VM image could not be built", Category.CONFIGURATION);
        assertPermanent("/bin/sh: 3: ./configure: not found", Category.CONFIGURATION);
        assertPermanent("ERROR: Package 'acme-client' requires a different Python: 2.7.18 not in '>=3.8'",
                Category.CONFIGURATION);
        assertPermanent("RuntimeError: This backport is meant only for Python 2. It does not work on Python 3.",
                Category.DEPENDENCY);
        assertPermanent("WARNING stevedore.named [-] Could not load 'file': No module named 'glance_store._drivers'",
                Category.DEPENDENCY);
        assertPermanent("UnknownMethodCallError: Method called is not a member of the object: get_volume_type",
                Category.TEST_FAILURE);
        // lookalikes: a host or path that is not found is no missing command
        assertThat(classify("ssh: Could not resolve hostname db1: Name or service not known").category())
                .isEqualTo(Category.NETWORK);
    }
}
