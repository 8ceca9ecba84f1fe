package org.teamfinder.skills.webpages;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.nio.channels.UnsupportedAddressTypeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;

import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;

/**
 * Name resolution for the page fetcher that lets a connection go only to addresses the {@link AddressGuard}
 * accepts. Netty asks it for the address of every connection it opens, so the check applies to the very
 * address connected to, for the first request and every redirect alike: there is no gap between checking
 * a name and connecting in which the name could change (DNS rebinding).
 *
 * <p>Names are looked up with the JDK's resolver (hosts file and system DNS, as every other program on the
 * machine), which blocks: lookups run on a small executor of their own, never on an event loop.
 */
final class GuardedAddressResolverGroup extends AddressResolverGroup<InetSocketAddress> {

    private final AddressGuard guard;
    private final Executor lookups;

    GuardedAddressResolverGroup(AddressGuard guard, Executor lookups) {
        this.guard = guard;
        this.lookups = lookups;
    }

    @Override
    protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
        return new GuardedResolver(executor);
    }

    /** Thrown when every address of a host is refused; its message says why in plain words. */
    static final class AddressRefused extends UnknownHostException {
        AddressRefused(String message) {
            super(message);
        }
    }

    private final class GuardedResolver implements AddressResolver<InetSocketAddress> {

        private final EventExecutor executor;

        GuardedResolver(EventExecutor executor) {
            this.executor = executor;
        }

        @Override
        public boolean isSupported(SocketAddress address) {
            return address instanceof InetSocketAddress;
        }

        @Override
        public boolean isResolved(SocketAddress address) {
            // Never "already resolved": an address handed in resolved must still pass the guard here.
            return false;
        }

        @Override
        public Future<InetSocketAddress> resolve(SocketAddress address) {
            return resolve(address, executor.newPromise());
        }

        @Override
        public Future<InetSocketAddress> resolve(SocketAddress address, Promise<InetSocketAddress> promise) {
            resolveAll(address).addListener(all -> {
                if (all.isSuccess()) {
                    @SuppressWarnings("unchecked")
                    List<InetSocketAddress> addresses = (List<InetSocketAddress>) all.getNow();
                    promise.trySuccess(addresses.get(0));
                } else {
                    promise.tryFailure(all.cause());
                }
            });
            return promise;
        }

        @Override
        public Future<List<InetSocketAddress>> resolveAll(SocketAddress address) {
            return resolveAll(address, executor.newPromise());
        }

        @Override
        public Future<List<InetSocketAddress>> resolveAll(SocketAddress address, Promise<List<InetSocketAddress>> promise) {
            if (!(address instanceof InetSocketAddress socketAddress)) {
                return promise.setFailure(new UnsupportedAddressTypeException());
            }
            String host = socketAddress.getHostString();
            int port = socketAddress.getPort();
            try {
                lookups.execute(() -> {
                    try {
                        promise.trySuccess(permitted(host, port, InetAddress.getAllByName(host)));
                    } catch (UnknownHostException e) {
                        promise.tryFailure(e);
                    } catch (RuntimeException e) {
                        promise.tryFailure(e);
                    }
                });
            } catch (RuntimeException rejected) {
                promise.tryFailure(rejected);
            }
            return promise;
        }

        private List<InetSocketAddress> permitted(String host, int port, InetAddress[] candidates) throws AddressRefused {
            List<InetSocketAddress> permitted = new ArrayList<>();
            Optional<String> refusal = Optional.empty();
            for (InetAddress candidate : candidates) {
                Optional<String> reason = guard.refusal(host, port, candidate);
                if (reason.isEmpty()) {
                    permitted.add(new InetSocketAddress(candidate, port));
                } else if (refusal.isEmpty()) {
                    refusal = reason;
                }
            }
            if (permitted.isEmpty()) {
                throw new AddressRefused(refusal.orElse(host + " has no address"));
            }
            return permitted;
        }

        @Override
        public void close() {
            // Nothing held: lookups belong to the group's executor.
        }
    }
}
