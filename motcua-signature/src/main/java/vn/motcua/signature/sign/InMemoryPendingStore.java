package vn.motcua.signature.sign;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The default store: a concurrent map, so "removed by this caller" is the map's atomic remove. */
final class InMemoryPendingStore implements PendingSignatureStore {

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    @Override
    public void put(String handle, byte[] state, Instant expiresAt) {
        pending.put(handle, new Pending(state, expiresAt));
    }

    @Override
    public Optional<Pending> find(String handle) {
        return Optional.ofNullable(pending.get(handle));
    }

    @Override
    public boolean remove(String handle) {
        return pending.remove(handle) != null;
    }

    @Override
    public int count() {
        return pending.size();
    }

    @Override
    public void purgeExpired(Instant now) {
        pending.values().removeIf(p -> !now.isBefore(p.expiresAt()));
    }
}
