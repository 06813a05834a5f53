package dev.rebound.contracts;

/**
 * The record key of everything about one service in one environment: {@code service@environment}.
 * One key, one partition: a rollback never overtakes the deployment it undoes.
 */
public final class ServiceKey {

    private ServiceKey() {
    }

    public static String of(String service, String environment) {
        return service + "@" + environment;
    }
}
