package org.servicestandards.testing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.function.BiPredicate;

/** A store that refuses some calls, as a broken database or a corrupt row would, and passes the rest on. */
public final class Refusing {

    private Refusing() {
    }

    /** {@code real}, except that a call of {@code method} whose arguments satisfy {@code when} throws. */
    public static <T> T store(Class<T> type, T real, String method, BiPredicate<String, Object[]> when) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, called, args) -> {
            if (called.getName().equals(method) && when.test(called.getName(), args)) {
                throw new IllegalStateException("the store refuses " + method);
            }
            try {
                return called.invoke(real, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
    }
}
