package dev.dualdb.system;

import java.io.IOException;
import java.io.Writer;

import jakarta.servlet.ServletException;
import org.apache.catalina.Container;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.apache.tomcat.util.res.StringManager;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;

/**
 * Tomcat refuses some requests before any filter or route sees them (an encoded NUL or a
 * broken escape in the path, an illegal character in the query) and answers with its own
 * HTML error page. This puts a valve in its place that answers those with a problem like
 * every other error ({@code malformed-request} for a 400).
 * <p>
 * The same valve carries out two requests of the code behind it, made as request
 * attributes: {@link #DROP_BODY} (do not read the rest of the body, close the connection:
 * an upload refused or cut off) and {@link #ABORT} (close the connection at once, without
 * finishing the response: bytes found corrupt while they were being sent).
 */
@Component
public class TomcatProblemReports implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    /**
     * Request attribute: the rest of the request body is not wanted. Tomcat would
     * otherwise read (swallow) it after the answer, holding the thread for as long as a
     * slow client takes to send it.
     */
    public static final String DROP_BODY = "dev.dualdb.dropBody";

    /**
     * Request attribute: end the connection now, leaving the response unfinished, so that
     * the client sees a broken transfer rather than a complete wrong one.
     */
    public static final String ABORT = "dev.dualdb.abort";

    private static final String HEAD_TOO_LARGE = StringManager.getManager("org.apache.coyote.http11")
        .getString("iib.requestheadertoolarge.error");

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        // The host adds its error report valve when it starts, before the context starts:
        // the context replaces it then.
        factory.addContextCustomizers((context) -> context.addLifecycleListener((event) -> {
            if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                replaceErrorReportValve(context.getParent());
            }
        }));
    }

    private static void replaceErrorReportValve(Container host) {
        if (host == null) {
            return;
        }
        for (Valve valve : host.getPipeline().getValves()) {
            if (valve instanceof ErrorReportValve && !(valve instanceof ProblemReportValve)) {
                host.getPipeline().removeValve(valve);
                host.getPipeline().addValve(new ProblemReportValve());
            }
        }
    }

    /**
     * Whether Tomcat refused the request because its request line and headers overflow
     * its buffer (a very long URL, a header over 8 KiB). Compared with Tomcat's own
     * message, looked up the way Tomcat looks it up, so a translated message matches too.
     * @param throwable what Tomcat failed with, or {@code null}
     * @return whether it is the head-too-large failure
     */
    private static boolean headTooLarge(Throwable throwable) {
        return throwable instanceof IllegalArgumentException && HEAD_TOO_LARGE.equals(throwable.getMessage());
    }

    /** Writes an RFC 9457 problem instead of Tomcat's HTML page. */
    static final class ProblemReportValve extends ErrorReportValve {

        @Override
        public void invoke(Request request, Response response) throws IOException, ServletException {
            try {
                super.invoke(request, response);
            }
            finally {
                if (request.getAttribute(ABORT) != null) {
                    response.getCoyoteResponse().action(ActionCode.CLOSE_NOW, null);
                }
                else if (request.getAttribute(DROP_BODY) != null) {
                    request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
                }
            }
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            // As Tomcat's own: nothing for a success, nor when something was written
            // already.
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            String code = (status == 400) ? "malformed-request" : null;
            String detail = "The request cannot be read as HTTP";
            if (status == 400 && headTooLarge(throwable)) {
                // Tomcat answers 400; RFC 6585 has the precise status.
                status = 431;
                response.setStatus(status);
                code = "request-header-too-large";
                detail = "The request line and headers are larger than this server accepts "
                        + "(server.max-http-request-header-size)";
            }
            HttpStatusCode statusCode = HttpStatusCode.valueOf(status);
            String body = Problems
                .json(Problems.of(statusCode, (code != null) ? code : Problems.codeOf(statusCode), detail));
            try {
                response.setContentType(Problems.MEDIA_TYPE);
                response.setCharacterEncoding("UTF-8");
                BrowserPolicy.completeApi(response);
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(body);
                    response.finishResponse();
                }
            }
            catch (IOException | IllegalStateException ex) {
                // The client is gone or the response cannot take a body: nothing more to
                // do.
            }
        }

    }

}
