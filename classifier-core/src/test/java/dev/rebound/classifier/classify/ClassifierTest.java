package dev.rebound.classifier.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.rebound.contracts.error.Action;
import dev.rebound.contracts.error.Category;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** How the classifier reads failures: a few behaviours that matter beyond the labelled examples. */
class ClassifierTest {

    private final Classifier classifier = new Classifier(RuleLoader.defaults());

    @Test
    void aNetworkBlipIsTransientWithItsTargetAndACompileErrorIsNot() {
        Verdict blip = classifier.classify(Failure.ofText(
                "Get \"https://registry-1.docker.io/v2/\": dial tcp: lookup registry-1.docker.io on 10.0.0.2:53: no such host"));
        assertThat(blip.category()).isEqualTo(Category.NETWORK);
        assertThat(blip.transientFailure()).isTrue();
        assertThat(blip.action()).isEqualTo(Action.RETRY);
        assertThat(blip.target()).isEqualTo("registry-1.docker.io");

        Verdict code = classifier.classify(Failure.ofText(
                "[ERROR] /work/src/main/java/acme/Cart.java:[42,17] cannot find symbol"));
        assertThat(code.category()).isEqualTo(Category.COMPILATION);
        assertThat(code.transientFailure()).isFalse();
        assertThat(code.evidence()).first().asString().contains("cannot find symbol");
    }

    @Test
    void aTimeoutOrRefusedConnectionATestComparesIsTheTestsFailure() {
        // the words of a blip inside an assertion are a value the test expected or got, not what stopped the job
        for (String log : java.util.List.of(
                "E       AssertionError: assert 'ok' == 'request timed out'\ntests/test_client.py:42: AssertionError\n"
                        + "FAILED tests/test_client.py::test_retry - AssertionError: assert 'ok' == 'request timed out'\n"
                        + "========================= 1 failed, 12 passed in 0.52s =========================",
                "[ERROR] Tests run: 4, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: 0.1 s <<< FAILURE! - in acme.HttpTest\n"
                        + "org.opentest4j.AssertionFailedError: expected: <Connection refused> but was: <null>\n"
                        + "[ERROR]   HttpTest.handlesRefusal:31 expected: <Connection refused> but was: <null>",
                "--- FAIL: TestDialTimeout (0.00s)\n    client_test.go:55: expected error \"dial tcp 10.0.0.1:443: i/o "
                        + "timeout\", got <nil>\nFAIL\nFAIL\tgithub.com/acme/client\t0.012s",
                "  ● fetchUser › rejects when the network is down\n    Expected substring: \"getaddrinfo ENOTFOUND "
                        + "api.example.com\"\n    Received message:   \"Unexpected token < in JSON\"\n"
                        + "Tests:       1 failed, 9 passed, 10 total",
                "not ok 1 - reports a refused connection\n    + 'undefined'\n"
                        + "    - 'connect ECONNREFUSED 127.0.0.1:5432'\n  code: 'ERR_ASSERTION'\n# fail 1")) {
            Verdict verdict = classifier.classify(Failure.ofText(log));
            assertThat(verdict.category()).as(log).isEqualTo(Category.TEST_FAILURE);
            assertThat(verdict.transientFailure()).as(log).isFalse();
        }
    }

    @Test
    void aFailureOfTheProjectsOwnCodeNamesNoTargetUnlessTheEventDoes() {
        // a URL in an assertion or a lint message is not a dependency that failed
        String log = "--- FAIL: TestSeparator (0.00s)\n    repo_test.go:75: expected entry to be in form of "
                + "'* [link](https://github.com/acme/x) - description', got '* acme'\nFAIL";
        Verdict test = classifier.classify(Failure.ofText(log));
        assertThat(test.category()).isEqualTo(Category.TEST_FAILURE);
        assertThat(test.target()).isNull();
        assertThat(classifier.classify(new Failure(log, null, null, null, "github.com", null)).target())
                .as("what the event reports is kept").isEqualTo("github.com");
        assertThat(classifier.classify(Failure.ofText("curl: (6) Could not resolve host: github.com")).target())
                .isEqualTo("github.com");
    }

    @Test
    void aBlipThatStoppedATestIsStillTransient() {
        // raised, not compared: the test hit the network and the network failed
        for (String log : java.util.List.of(
                "ERROR: test_connect (tests.test_net.NetTest)\nTraceback (most recent call last):\n"
                        + "  File \"/usr/lib/python3/socket.py\", line 800, in create_connection\n"
                        + "ConnectionRefusedError: [Errno 111] Connection refused",
                "[ERROR] testFetch(acme.ClientIT)  Time elapsed: 30.1 s  <<< ERROR!\njava.net.SocketTimeoutException: Read "
                        + "timed out\n\tat acme.ClientIT.testFetch(ClientIT.java:22)",
                "--- FAIL: TestFetch (30.00s)\n    fetch_test.go:20: unexpected error: Get \"https://api.example.com\": "
                        + "dial tcp 93.184.216.34:443: i/o timeout\nFAIL")) {
            Verdict verdict = classifier.classify(Failure.ofText(log));
            assertThat(verdict.transientFailure()).as(log).isTrue();
            assertThat(verdict.category()).as(log).isIn(Category.NETWORK, Category.TIMEOUT);
        }
    }

    @Test
    void lookalikesOfTransientFailuresAreNotRetried() {
        // each names something a blip could also name, but here the cause is in the code or the setup
        for (String log : java.util.List.of(
                "./client.go:14:9: undefined: DefaultRequestTimeout",
                "fatal: [web1]: UNREACHABLE! => {\"changed\": false, \"msg\": \"Failed to connect to the host via ssh: "
                        + "deploy@10.0.0.5: Permission denied (publickey).\", \"unreachable\": true}",
                "nginx.service: Main process exited, code=exited, status=1/FAILURE",
                "mount: /mnt/share: wrong fs type, bad option, bad superblock on //srv/share, missing codepage or helper program",
                "E: There are problems and -y was used without --force-yes")) {
            assertThat(classifier.classify(Failure.ofText(log)).transientFailure()).as(log).isFalse();
        }
        assertThat(classifier.classify(Failure.ofText("rsync error: unexplained error (code 255) at io.c(228) "
                + "[sender=3.2.7]")).ruleId()).as("the remote shell failed, for a reason the line does not give: no rule "
                + "claims it, so only the unknown's one retry applies").isEqualTo(Classifier.NO_RULE);
        assertThat(classifier.classify(Failure.ofText("Could not transfer artifact x:y:jar:1.0 from/to clojars "
                + "(https://repo.clojars.org/): Received fatal alert: protocol_version")).transientFailure())
                .as("a TLS version mismatch repeats").isFalse();
        assertThat(classifier.classify(Failure.ofText("fatal: [subnode-2]: UNREACHABLE! => {\"msg\": \"Failed to connect to "
                + "the host via ssh: ssh: connect to host 10.0.0.7 port 22: Connection timed out\"}")).transientFailure())
                .as("an unreachable host that timed out").isTrue();
    }

    @Test
    void platformsAndServicesThatFailUnderTheJobAreRetriedByTheRuleThatNamesThem() {
        // log text as the tools print it: libvirt/virsh, nova, ironic, iscsiadm, LVM, cinder, SQLAlchemy, HikariCP,
        // PostgreSQL, MySQL, wget, pymysql, oslo.messaging, the Kafka client, paramiko, kubectl, OpenStack clients
        for (String[] c : new String[][] {
                {"error: Failed to start domain 'ci-guest-3'\nerror: monitor socket did not show up: No such file or directory",
                        "infra.vm-boot"},
                {"libvirt.libvirtError: internal error: process exited while connecting to monitor: qemu-system-x86_64: "
                        + "cannot set up guest memory 'pc.ram': Cannot allocate memory", "infra.vm-boot"},
                {"ERROR nova.compute.manager [instance: 5f0c9e2a-1b7d-4c3e-9f10-2a6b8d4e7c01] Instance failed to spawn",
                        "infra.vm-boot"},
                {"ironic.common.exception.PowerStateFailure: Failed to set node power state to power on.", "infra.vm-boot"},
                {"iscsiadm: No session found.", "infra.storage-attach"},
                {"  Logical volume ci-vg/volume-42 contains a filesystem in use.", "infra.storage-attach"},
                {"cinder.exception.ISCSITargetCreateFailed: Failed to create iscsi target for volume volume-3f2a.",
                        "infra.storage-attach"},
                {"ERROR nova.virt.block_device Failed to attach volume 3b6f0a1c at /dev/vdb", "infra.storage-attach"},
                {"sqlalchemy.exc.TimeoutError: QueuePool limit of size 5 overflow 10 reached, connection timed out, "
                        + "timeout 30.00", "db.connections-exhausted"},
                {"java.sql.SQLTransientConnectionException: HikariPool-1 - Connection is not available, request timed "
                        + "out after 30005ms.", "db.connections-exhausted"},
                {"psql: error: connection to server on socket \"/var/run/postgresql/.s.PGSQL.5432\" failed: FATAL:  sorry, "
                        + "too many clients already", "db.connections-exhausted"},
                {"ERROR 1040 (HY000): Too many connections", "db.connections-exhausted"},
                {"Connecting to mirror.example.org (mirror.example.org)|203.0.113.7|:443... connected.\n"
                        + "GnuTLS: Error in the pull function.\nUnable to establish SSL connection.", "network.connection-reset"},
                {"Connecting to mirror.example.org (mirror.example.org)|203.0.113.7|:443... connected.\n"
                        + "Unable to establish SSL connection.", "network.transfer-failed"},
                {"sqlalchemy.exc.InterfaceError: (pymysql.err.InterfaceError) (0, '')\n(Background on this error at: "
                        + "https://sqlalche.me/e/14/rvf5)", "network.connection-reset"},
                {"[Producer clientId=producer-1] Connection to node -1 (localhost/127.0.0.1:9092) could not be established. "
                        + "Broker may not be available.", "network.connection-refused"},
                {"paramiko.ssh_exception.NoValidConnectionsError: [Errno None] Unable to connect to port 22 on 172.24.5.10",
                        "network.connection-refused"},
                {"Error from server (Conflict): Operation cannot be fulfilled on deployments.apps \"web\": the object has "
                        + "been modified; please apply your changes to the latest version and try again",
                        "infra.platform-state"},
                {"nova.exception.UnexpectedTaskStateError: Unexpected task state: expecting (u'spawning',) but the actual "
                        + "state is deleting", "infra.platform-state"},
                {"ERROR (ClientException): The server has either erred or is incapable of performing the requested "
                        + "operation. (HTTP 500) (Request-ID: req-4f1c2d3e)", "http.server-error"},
                {"INFO tempest.lib.common.rest_client [req-1] Request (ServersTestJSON:test_list_servers): 500 GET "
                        + "http://10.0.0.4/compute/v2.1/servers 0.412s", "http.server-error"},
                {"11 2026 02:13:07.123:ERROR [launcher]: \u001B[31mPhantomJS crashed.", "infra.browser-crashed"},
                {"fatal: [node-1]: FAILED! => {\"msg\": \"Timeout (12s) waiting for privilege escalation prompt: \"}",
                        "test.timeout"},
                {"ERROR 2002 (HY000): Can't connect to local MySQL server through socket '/var/run/mysqld/mysqld.sock' (2)",
                        "infra.service-not-started"},
                {"psql: error: connection to server at \"db\" (172.18.0.3), port 5432 failed: FATAL:  the database system "
                        + "is shutting down", "infra.service-not-started"},
                {"psycopg2.errors.SerializationFailure: could not serialize access due to concurrent update",
                        "infra.platform-state"},
                {"Error from server: etcdserver: leader changed", "infra.platform-state"},
                {"Cannot open network namespace \"ci-ns-7\": No such file or directory", "infra.platform-state"},
                {"error: Failed to detach disk\nerror: block copy still active: domain has active block job",
                        "infra.platform-state"},
                {"Error from server (ServiceUnavailable): the server is currently unable to handle the request",
                        "http.server-error"}}) {
            Verdict verdict = classifier.classify(Failure.ofText(c[0]));
            assertThat(verdict.ruleId()).as(c[0]).isEqualTo(c[1]);
            assertThat(verdict.transientFailure()).as(c[0]).isTrue();
        }
        assertThat(classifier.classify(Failure.ofText("ERROR [launcher]: 39mPhantomJS crashed.")).ruleId())
                .as("a colour code that lost its ESC and bracket").isEqualTo("infra.browser-crashed");
        assertThat(classifier.classify(Failure.ofText("2026-11-24 02:10:11.123 ERROR oslo.messaging._drivers.impl_rabbit "
                + "[-] AMQP server on 10.0.0.4:5672 is unreachable: timed out. Trying again in 4 seconds.")).category())
                .isEqualTo(Category.NETWORK);
    }

    @Test
    void aBareDidNotStartYieldsToTheCauseBeforeIt() {
        // "did not start" reports a consequence: alone it is retried, but a cause in the same log decides
        Verdict alone = classifier.classify(Failure.ofText("+ wait_for_service 60 http://127.0.0.1:8774\n"
                + "[ERROR] ./stack.sh:1042 nova-api did not start"));
        assertThat(alone.ruleId()).isEqualTo("infra.start-failed");
        assertThat(alone.transientFailure()).isTrue();

        Verdict missingModule = classifier.classify(Failure.ofText("Traceback (most recent call last):\n"
                + "  File \"/usr/local/bin/api\", line 6, in <module>\n"
                + "ModuleNotFoundError: No module named 'paste.deploy'\n"
                + "[ERROR] ./stack.sh:1042 nova-api did not start"));
        assertThat(missingModule.category()).isEqualTo(Category.DEPENDENCY);
        assertThat(missingModule.transientFailure()).isFalse();

        Verdict portTaken = classifier.classify(Failure.ofText("Failed to start the admin server\n"
                + "java.net.BindException: Address already in use"));
        assertThat(portTaken.ruleId()).isEqualTo("infra.port-in-use");
    }

    @Test
    void codeAndTestErrorsAboutVolumesStatesAnd500sAreNotRetried() {
        for (String log : java.util.List.of(
                "Expected response to be a <2XX: success>, but was a <500: Internal Server Error>",
                "Response status: 500\nAssertionError: 500 != 200",
                "AttributeError: 'NoneType' object has no attribute 'attach_volume'",
                "FAILED tests/test_volumes.py::test_detach_volume_when_in_use - AssertionError: assert 'in-use' == 'available'",
                "ImportError: cannot import name 'attach_volume' from 'app.storage' (/src/app/storage.py)",
                "TypeError: create_engine() got an unexpected keyword argument 'pool_size'",
                "E   AssertionError: expected state 'active' but the actual state is 'error'",
                "Connecting to 127.0.0.1:8080... connected.\nGnuTLS: An unexpected TLS packet was received.\n"
                        + "Unable to establish SSL connection.",
                "./ci/deploy.sh: line 12: unexpected EOF while looking for matching `\"'\n"
                        + "./ci/deploy.sh: line 15: syntax error: unexpected end of file")) {
            assertThat(classifier.classify(Failure.ofText(log)).transientFailure()).as(log).isFalse();
        }
        assertThat(classifier.classify(Failure.ofText("go: example.org/lib@v1.2.0: Get "
                + "\"https://proxy.golang.org/example.org/lib/@v/v1.2.0.zip\": unexpected EOF")).category())
                .as("a download cut short is still a network failure").isEqualTo(Category.NETWORK);
    }

    @Test
    void wordsAreMatchedAsWordsAndCommandsSayHowTheyEnded() {
        assertThat(classifier.classify(Failure.ofText("Failed to save allocation for DestinationHypervisorTooOld")).category())
                .as("isort inside a word").isNotEqualTo(Category.QUALITY_GATE);
        assertThat(classifier.classify(Failure.ofText("AssertionError: Could not find volumes in expected list")).category())
                .isEqualTo(Category.TEST_FAILURE);
        assertThat(classifier.classify(Failure.ofText("+ timeout -s 9 3600 ./run_tests.sh\nKilled")).category())
                .as("timeout(1) killed it").isEqualTo(Category.TIMEOUT);
    }

    @Test
    void theCauseNearTheEndBeatsEarlierWarnings() {
        Verdict verdict = classifier.classify(Failure.ofText("""
                npm WARN deprecated request@2.88.2: request has been deprecated
                npm WARN deprecated connection refused by mirror, falling back
                > jest
                Tests:       2 failed, 14 passed, 16 total
                  ● Cart › applies the discount
                    expect(received).toBe(expected)
                """));
        assertThat(verdict.category()).isEqualTo(Category.TEST_FAILURE);
    }

    @Test
    void exitCodesAndSignalsDecideWhenTheTextDoesNot() {
        assertThat(classifier.classify(new Failure("", null, 137, null, null, null)).category())
                .isEqualTo(Category.RESOURCE_EXHAUSTION);
        assertThat(classifier.classify(new Failure("", null, null, "SIGKILL", null, null)).category())
                .isEqualTo(Category.RESOURCE_EXHAUSTION);
        assertThat(classifier.classify(new Failure("still running", null, 124, null, null, null)).category())
                .isEqualTo(Category.TIMEOUT);
    }

    @Test
    void aStepNameDecidesOnlyWhenNothingElseDoes() {
        Verdict byStep = classifier.classify(new Failure("Error: Process completed with exit code 1.", "lint", 1, null,
                null, null));
        assertThat(byStep.category()).isEqualTo(Category.QUALITY_GATE);
        assertThat(byStep.confidence()).isLessThan(0.5);

        Verdict byText = classifier.classify(new Failure("curl: (6) Could not resolve host: example.org", "lint", 6,
                null, null, null));
        assertThat(byText.category()).isEqualTo(Category.NETWORK);
    }

    @Test
    void aBlipInAPassingTestsNameOrInARetryThatWentOnDoesNotOutrankTheFailure() {
        // node --test names its passing tests after what they check; the failure is the missing variable
        String log = "✔ retries when the upstream answers ECONNREFUSED (0.41ms)\n"
                + "pg_isready: no response (connection refused), retrying\n"
                + "pg_isready: accepting connections\n"
                + "KeyError: 'LEDGER_DATABASE_URL'";
        Verdict verdict = classifier.classify(Failure.ofText(log));
        assertThat(verdict.category()).isEqualTo(Category.CONFIGURATION);
        assertThat(verdict.transientFailure()).isFalse();
        // with nothing else said, the blip still decides, at a lower score
        assertThat(classifier.classify(Failure.ofText("pg_isready: no response (connection refused), retrying"))
                .category()).isEqualTo(Category.NETWORK);
    }

    @Test
    void onlyATestRunnersPassedInCapitalsMarksAPassingTestNotTheWordInProse() {
        double plain = topScore("Error: context deadline exceeded while the registry answered");
        assertThat(topScore("Error: context deadline exceeded: the deadline passed before the registry answered"))
                .as("prose").isEqualTo(plain);
        assertThat(topScore("tests/test_pull.py::test_timeout PASSED: context deadline exceeded"))
                .as("pytest's passing test").isLessThan(plain * 0.5);
    }

    @Test
    void aPullOfAnImageTheRegistryDoesNotHaveIsADependencyAPushItRefusesIsCredentials() {
        Verdict pull = classifier.classify(Failure.ofText("Unable to find image 'acme/widgt:1.2' locally\n"
                + "docker: Error response from daemon: pull access denied for acme/widgt, repository does not exist or "
                + "may require 'docker login': denied: requested access to the resource is denied."));
        assertThat(pull.category()).isEqualTo(Category.DEPENDENCY);
        assertThat(pull.action()).isNotEqualTo(Action.ROTATE_CREDENTIALS);
        Verdict push = classifier.classify(Failure.ofText("The push refers to repository [docker.io/acme/widget]\n"
                + "denied: requested access to the resource is denied"));
        assertThat(push.category()).isEqualTo(Category.AUTHENTICATION);
    }

    @Test
    void whatAPassingGoTestLoggedDoesNotOutrankTheFailureAfterIt() {
        // t.Log of a test that passed; the job failed at the gofmt check
        String log = "=== RUN   TestConnectionRefusedIsReported\n"
                + "    quotes_test.go:371: dial tcp 127.0.0.1:6379: connect: connection refused\n"
                + "--- PASS: TestConnectionRefusedIsReported (0.00s)\n"
                + "PASS\n"
                + "The following files are not gofmt-formatted:\n"
                + "format.go";
        Verdict verdict = classifier.classify(Failure.ofText(log));
        assertThat(verdict.category()).isEqualTo(Category.QUALITY_GATE);
        assertThat(verdict.evidence()).as("the passing test's line is not redacted as a password either")
                .noneMatch(line -> line.contains("REDACTED"));
        // the same line in a test that failed is the failure
        assertThat(classifier.classify(Failure.ofText(log.replace("--- PASS:", "--- FAIL:"))).category())
                .isNotEqualTo(Category.QUALITY_GATE);
    }

    @Test
    void aBlipTheLineSaysWasExpectedOrSimulatedWeighsLessThanTheFailure() {
        double plain = topScore("java.net.ConnectException: Connection refused");
        assertThat(topScore("java.net.ConnectException: Connection refused (expected by test)"))
                .isLessThan(plain * 0.5);
        assertThat(topScore("upstream: connect ECONNREFUSED 127.0.0.1:6379 (simulated)")).isLessThan(plain * 0.5);
    }

    private double topScore(String log) {
        return Double.parseDouble(classifier.explain(Failure.ofText(log)).get(0).split(" ")[0].replace(',', '.'));
    }

    @Test
    void whatAnEarlierCommandPrintedWeighsLessThanTheLastCommandsFailure() {
        // GitLab echoes each command; the job stopped at the last one, the lint, not at the tests before it
        String log = "$ npm test\n"
                + "Error: connect ECONNREFUSED 127.0.0.1:6379\n"
                + "# pass 12\n"
                + "$ npx eslint src test\n"
                + "/builds/acme/app/src/cart.js\n"
                + "  4:16  error  Expected '===' and instead saw '=='  eqeqeq\n"
                + "✖ 1 problem (1 error, 0 warnings)";
        assertThat(classifier.classify(Failure.ofText(log)).category()).isEqualTo(Category.QUALITY_GATE);
        assertThat(classifier.classify(Failure.ofText(log.replace("$ npx eslint", "npx eslint"))).category())
                .as("without the echo, the blip is the later command's").isEqualTo(Category.NETWORK);
    }

    @Test
    void aStepNameBreaksNearTiesButDoesNotOutrankALineThatSaysWhatHappened() {
        // pip 23.2's own words against an index with an untrusted certificate (made on this machine); "Could not
        // fetch URL" alone is also a mirror rule's, and the step's name hints dependency
        String pip = "Looking in indexes: https://127.0.0.1:18803/simple/\n"
                + "Could not fetch URL https://127.0.0.1:18803/simple/httpx/: There was a problem confirming the ssl "
                + "certificate: HTTPSConnectionPool(host='127.0.0.1', port=18803): Max retries exceeded with url: "
                + "/simple/httpx/ (Caused by SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] "
                + "certificate verify failed: unable to get local issuer certificate (_ssl.c:1006)'))) - skipping\n"
                + "ERROR: Could not find a version that satisfies the requirement httpx==0.27.2 (from versions: none)\n"
                + "ERROR: No matching distribution found for httpx==0.27.2\n"
                + "Could not fetch URL https://127.0.0.1:18803/simple/pip/: There was a problem confirming the ssl "
                + "certificate: HTTPSConnectionPool(host='127.0.0.1', port=18803): Max retries exceeded with url: "
                + "/simple/pip/ (Caused by SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] "
                + "certificate verify failed: unable to get local issuer certificate (_ssl.c:1006)'))) - skipping";
        for (String step : new String[] {null, "Install dependencies"}) {
            Verdict verdict = classifier.classify(new Failure(pip, step, 1, null, null, null));
            assertThat(verdict.ruleId()).as("step %s", step).isEqualTo("config.tls-verification");
            assertThat(verdict.transientFailure()).as("step %s", step).isFalse();
        }
        // a lock another session held, in a migration step: a timeout, not a migration that is wrong
        String lock = "psql:migrations/V7__orders_index.sql:1: ERROR:  canceling statement due to lock timeout";
        assertThat(classifier.classify(new Failure(lock, "Migrate database", 3, null, null, null)).ruleId())
                .isEqualTo("timeout.read");
        // where two rules are close, the step's name still decides
        assertThat(RuleSet.STEP_HINT_TIE * RuleSet.STEP_HINT_BOOST).isGreaterThan(1.0);
    }

    @Test
    void aLogThatSaysOnlyThatACommandFailedIsUnknownAndEscalated() {
        for (String log : java.util.List.of("Error: Process completed with exit code 1.",
                "make: *** [Makefile:2: check] Error 1\nERROR: Job failed: exit code 2",
                "> app@1.0.0 verify:release\n> node scripts/verify-release.js\nnpm ERR! code ELIFECYCLE\nnpm ERR! errno 1",
                "+ test -f target/app.jar\nERROR: Job failed: exit code 1",
                "check.sh returned non-zero exit status 3", "",
                "npm ERR! code ELIFECYCLE\nnpm ERR! errno 1\nnpm ERR!",
                "npm error code 1\nnpm error path /home/runner/work/app\nnpm error workspace app@1.0.0\n"
                        + "npm error location /home/runner/work/app\nnpm error command failed\nnpm error command sh -c test -f dist/app.js",
                // GitHub Actions, untrimmed
                "Run test -f dist/app.js\n  test -f dist/app.js\n  shell: /usr/bin/bash -e {0}\n  env:\n"
                        + "Error: Process completed with exit code 1.",
                // GitLab, untrimmed
                "Running with gitlab-runner 17.4.0 (b92ee590)\nPreparing the \"docker\" executor\n"
                        + "Using docker image sha256:1a2b for alpine:3.20 ...\nGetting source from Git repository\n"
                        + "Fetching changes with git depth set to 20...\nChecking out 3f2a9c0d as detached HEAD (ref is main)...\n"
                        + "Skipping Git submodules setup\nExecuting \"step_script\" stage of the job script\n$ test -f build/app\n"
                        + "Cleaning up project directory and file based variables\nERROR: Job failed: exit code 1",
                // Jenkins, untrimmed
                "[Pipeline] sh\n+ grep -q release-notes CHANGELOG.md\n[Pipeline] }\n[Pipeline] // stage\n"
                        + "[Pipeline] End of Pipeline\nERROR: script returned exit code 1\nFinished: FAILURE",
                "+ ./verify.sh\nBuild step 'Execute shell' marked build as failure\nFinished: FAILURE",
                // Travis, make with directory changes, tox, a divider
                "$ ./check.sh\nThe command \"./check.sh\" exited with 1.",
                "make[1]: Entering directory '/src/docs'\nmake[1]: *** [Makefile:9: check] Error 1\n"
                        + "make[1]: Leaving directory '/src/docs'\nmake: *** [Makefile:4: all] Error 2",
                "py311: exit 1 (0.01 seconds) /src> ./check.sh pid=4242\n  py311: FAIL code 1 (0.05 seconds)\n------",
                // a CDEvent without a message or log: the mapper's words for it
                "taskrun finished with outcome failure")) {
            Verdict verdict = classifier.classify(Failure.ofText(log));

            assertThat(verdict.category()).as(log).isEqualTo(Category.UNKNOWN);
            assertThat(verdict.ruleId()).as(log).isEqualTo(Classifier.SILENT);
            assertThat(verdict.transientFailure()).as(log).isFalse();
            assertThat(verdict.action()).as(log).isEqualTo(Action.INVESTIGATE);
            assertThat(verdict.confidence()).as(log).isZero();
        }
    }

    @Test
    void anOperatorWhoMakesUnknownFailuresPermanentNeedNotChangeTheAction(@org.junit.jupiter.api.io.TempDir
                                                                          java.nio.file.Path dir) throws Exception {
        java.nio.file.Path rules = dir.resolve("rules.yml");
        java.nio.file.Files.writeString(rules, "version: 1\nguidance:\n  unknown:\n    transient: false\n");
        Verdict verdict = new Classifier(RuleLoader.load(rules)).classify(Failure.ofText("ERROR: the frobnicator refused"));

        assertThat(verdict.category()).isEqualTo(Category.UNKNOWN);
        assertThat(verdict.transientFailure()).isFalse();
        assertThat(verdict.action()).isEqualTo(Action.INVESTIGATE);
    }

    @Test
    void aTestRunThatSelectedNoTestsIsAConfigurationError() {
        for (String log : java.util.List.of("collected 0 items\n\n=== no tests ran in 0.01s ===",
                "No tests found, exiting with code 1\nRun with `--passWithNoTests` to exit with code 0")) {
            Verdict verdict = classifier.classify(Failure.ofText(log));
            assertThat(verdict.category()).as(log).isEqualTo(Category.CONFIGURATION);
            assertThat(verdict.transientFailure()).as(log).isFalse();
        }
    }

    @Test
    void anErrorNoRuleRecognisesIsUnknownAndRetriedWithLowConfidence() {
        for (String log : java.util.List.of("Failed to commit reservations",
                "+ echo 'Server returned an unexpected response code. [404]'\nError: Process completed with exit code 1.",
                "ERROR: the frobnicator refused the widget")) {
            Verdict verdict = classifier.classify(Failure.ofText(log));

            assertThat(verdict.category()).as(log).isEqualTo(Category.UNKNOWN);
            assertThat(verdict.ruleId()).as(log).isEqualTo(Classifier.NO_RULE);
            assertThat(verdict.transientFailure()).as(log).isTrue();
            assertThat(verdict.action()).as(log).isEqualTo(Action.RETRY);
            assertThat(verdict.confidence()).as(log).isBetween(0.1, 0.3);
        }
    }

    @Test
    void evidenceIsRedacted() {
        Verdict verdict = classifier.classify(Failure.ofText(
                "fatal: Authentication failed for 'https://bot:ghp_4xQz9Lm2Vb7Nc1Rt8Yw3Ke6Hp0Ju5Sd2Fa9G@github.com/acme/x.git/'"));

        assertThat(verdict.category()).isEqualTo(Category.AUTHENTICATION);
        assertThat(String.join("\n", verdict.evidence())).doesNotContain("ghp_4xQz").contains("[REDACTED:");
    }

    @Test
    void ansiColoursAndCiMarkersDoNotHideTheCause() {
        Verdict verdict = classifier.classify(Failure.ofText(
                "##[group]Run npm ci\n\u001B[31mnpm ERR!\u001B[0m code E404\n\u001B[31mnpm ERR!\u001B[0m 404 Not Found - GET "
                        + "https://registry.npmjs.org/left-padx\n##[error]Process completed with exit code 1."));

        assertThat(verdict.category()).isEqualTo(Category.DEPENDENCY);
        assertThat(verdict.evidence()).allSatisfy(line -> assertThat(line).doesNotContain("\u001B"));
    }

    @Test
    void aRetryAfterIsRead() {
        Verdict verdict = classifier.classify(new Failure("HTTP/1.1 429 Too Many Requests\nRetry-After: 30", null, null,
                null, null, Instant.parse("2026-11-23T20:00:00Z")));

        assertThat(verdict.category()).isEqualTo(Category.RATE_LIMIT);
        assertThat(verdict.retryAfterMs()).isEqualTo(30_000L);
    }

    @Test
    void aReportedTargetWinsOverAnExtractedOne() {
        Verdict verdict = classifier.classify(new Failure("curl: (7) Failed to connect to mirror.example.org port 443",
                null, 7, null, "artifacts.internal", null));

        assertThat(verdict.target()).isEqualTo("artifacts.internal");
    }

    @Test
    void largeAndPathologicalInputsClassifyInBoundedTime() {
        String huge = "x".repeat(64 * 1024);
        String manyLines = "a\n".repeat(32 * 1024);
        String nested = "(".repeat(30_000) + "error: " + ")".repeat(30_000);
        String nearMisses = "Could not resolve hos\n".repeat(3_000);

        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            classifier.classify(Failure.ofText(huge));
            classifier.classify(Failure.ofText(manyLines));
            classifier.classify(Failure.ofText(nested));
            classifier.classify(Failure.ofText(nearMisses));
        });
    }
}
