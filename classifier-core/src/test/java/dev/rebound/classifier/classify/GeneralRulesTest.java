package dev.rebound.classifier.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebound.contracts.error.Category;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rules for code errors that used to be unknown, each with the tool's own wording. */
class GeneralRulesTest {

    private final Classifier classifier = new Classifier(RuleLoader.defaults());

    private Verdict classify(String log) {
        return classifier.classify(Failure.ofText(log));
    }

    private void assertPermanent(String log, Category category) {
        Verdict verdict = classify(log);
        assertThat(verdict.category()).as(log).isEqualTo(category);
        assertThat(verdict.transientFailure()).as(log).isFalse();
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
}
