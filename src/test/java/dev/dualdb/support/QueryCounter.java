package dev.dualdb.support;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts the SQL statements sent to PostgreSQL, by wrapping the real DataSource: every
 * statement prepared or created on a connection counts once. Used to prove that a page of
 * products costs a constant number of queries.
 */
public class QueryCounter implements BeanPostProcessor {

    private final AtomicLong statements = new AtomicLong();

    private final AtomicLong requestStatements = new AtomicLong();

    private final Deque<String> recent = new ConcurrentLinkedDeque<>();

    public long statements() {
        return this.statements.get();
    }

    /**
     * The statements sent from the threads that serve HTTP requests, leaving out what
     * runs in the background meanwhile (the audit trail's flush every second, say).
     * @return the number of statements sent by request threads so far
     */
    public long requestStatements() {
        return this.requestStatements.get();
    }

    /**
     * The text of the last statements counted (for the message of a failed assertion).
     * @return up to 20 statements, oldest first, each with its thread
     */
    public List<String> recent() {
        return List.copyOf(this.recent);
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !(bean instanceof Proxy)) {
            return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { DataSource.class },
                    (proxy, method, args) -> {
                        Object result = invoke(dataSource, method, args);
                        return (result instanceof Connection connection) ? counting(connection) : result;
                    });
        }
        return bean;
    }

    private Connection counting(Connection connection) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Connection.class },
                (proxy, method, args) -> {
                    String name = method.getName();
                    if (name.equals("prepareStatement") || name.equals("createStatement")
                            || name.equals("prepareCall")) {
                        this.statements.incrementAndGet();
                        if (Thread.currentThread().getName().startsWith("http-")) {
                            this.requestStatements.incrementAndGet();
                        }
                        this.recent.addLast(Thread.currentThread().getName() + ": "
                                + ((args != null && args.length > 0) ? args[0] : name));
                        while (this.recent.size() > 20) {
                            this.recent.pollFirst();
                        }
                    }
                    return invoke(connection, method, args);
                });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        }
        catch (InvocationTargetException ex) {
            throw ex.getCause();
        }
    }

}
