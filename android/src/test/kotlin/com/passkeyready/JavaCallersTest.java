package com.passkeyready;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.passkeyready.device.BuildVersionSource;
import com.passkeyready.device.DeviceReaders;
import com.passkeyready.device.OsVersionReader;
import com.passkeyready.device.ScreenLockReader;
import com.passkeyready.ffi.CheckId;
import com.passkeyready.ffi.GuideLocale;
import com.passkeyready.ffi.PasskeyReady;
import com.passkeyready.ffi.Passkey_ready_coreKt;
import com.passkeyready.ffi.PasskeyReadyException;
import com.passkeyready.ffi.Platform;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The API as a Java app sees it. Compiled by javac: a call whose exceptions are not declared
 * with @Throws could not be caught here (javac refuses a catch of a checked exception the try
 * cannot throw), so this file failing to compile is the test.
 */
class JavaCallersTest {
    private static DeviceReaders device() {
        BuildVersionSource android14 = new BuildVersionSource() {
            @Override public String getRelease() { return "14"; }
            @Override public int getSdkInt() { return 34; }
        };
        return new DeviceReaders(new OsVersionReader(android14), List.of(new ScreenLockReader(() -> true)), 1_000L);
    }

    private static PasskeyReadiness readiness(String service) {
        return PasskeyReadiness.withReaders(device(), () -> "ja", activity -> {
            throw new IllegalStateException("nothing is opened here");
        }, service);
    }

    /** Each call alone in its try, so that each one's @Throws is checked by javac. */
    @Test
    void catchesEveryTypedErrorOfTheBlockingCalls() {
        PasskeyReadiness readiness = readiness(null);
        int succeeded = 0;
        try {
            readiness.check();
            succeeded++;
        } catch (PasskeyReadyException | SdkUnavailableException e) {
            throw new AssertionError(e);
        }
        try {
            readiness.check(GuideLocale.JA);
            succeeded++;
        } catch (PasskeyReadyException | SdkUnavailableException e) {
            throw new AssertionError(e);
        }
        try {
            readiness.snapshot();
            succeeded++;
        } catch (PasskeyReadyException | SdkUnavailableException e) {
            throw new AssertionError(e);
        }
        try {
            readiness.evaluate(readiness.observe());
            succeeded++;
        } catch (PasskeyReadyException | SdkUnavailableException e) {
            throw new AssertionError(e);
        }
        try {
            readiness.answer(CheckId.GOOGLE_ACCOUNT, true);
            succeeded++;
        } catch (PasskeyReadyException | SdkUnavailableException e) {
            throw new AssertionError(e);
        }
        try {
            readiness.answer(CheckId.GOOGLE_ACCOUNT, true, GuideLocale.EN);
            succeeded++;
        } catch (PasskeyReadyException | SdkUnavailableException e) {
            throw new AssertionError(e);
        }
        try {
            readiness.guide();
            succeeded++;
        } catch (PasskeyReadyException | SdkUnavailableException e) {
            throw new AssertionError(e);
        }
        try {
            readiness.guide(Platform.ANDROID, "14");
            succeeded++;
        } catch (PasskeyReadyException | SdkUnavailableException e) {
            throw new AssertionError(e);
        }
        try {
            readiness.guideMarkdown("android");
            succeeded++;
        } catch (PasskeyReadyException | SdkUnavailableException e) {
            throw new AssertionError(e);
        }
        try {
            readiness.diagnose("NotAllowedError");
            succeeded++;
        } catch (PasskeyReadyException | SdkUnavailableException e) {
            throw new AssertionError(e);
        }
        try {
            readiness.loadBundle(readiness.exportBundle());
            succeeded++;
        } catch (PasskeyReadyException | SdkUnavailableException e) {
            throw new AssertionError(e);
        }
        try {
            readiness.resetContent();
            succeeded++;
        } catch (PasskeyReadyException | SdkUnavailableException e) {
            throw new AssertionError(e);
        }
        try {
            PasskeyReadiness.snapshotFromJson("{\"platform\": \"android\"}");
            succeeded++;
        } catch (PasskeyReadyException | SdkUnavailableException e) {
            throw new AssertionError(e);
        }
        try {
            PasskeyReadiness.classifyUserAgent("Mozilla/5.0");
            succeeded++;
        } catch (PasskeyReadyException | SdkUnavailableException e) {
            throw new AssertionError(e);
        }
        assertEquals(14, succeeded);
        try {
            readiness.answer(CheckId.PASSCODE, true);
            throw new AssertionError("PASSCODE was accepted on Android");
        } catch (PasskeyReadyException.InvalidSnapshot e) {
            assertEquals("signals.passcode", e.getField());
        } catch (PasskeyReadyException | SdkUnavailableException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void checkAsyncWithLambdas() throws Exception {
        CompletableFuture<ReadinessResult> done = new CompletableFuture<>();
        readiness("{bank}").checkAsync(Runnable::run, done::complete);
        ReadinessResult result = done.get(5, TimeUnit.SECONDS);
        ReadinessResult.Failed failed = assertInstanceOf(ReadinessResult.Failed.class, result);
        assertEquals("service", assertInstanceOf(PasskeyReadyException.InvalidInput.class, failed.getError()).getField());

        CompletableFuture<ReadinessResult> report = new CompletableFuture<>();
        readiness(null).checkAsync(GuideLocale.EN, Runnable::run, report::complete);
        assertTrue(report.get(5, TimeUnit.SECONDS) instanceof ReadinessResult.Report);
    }

    @Test
    void openInStandardBrowserRefusesHttpAsATypedError() {
        StandardBrowserOpener opener = new StandardBrowserOpener(name -> true, (url, name) -> { });
        try {
            opener.open("http://www.bank.example/");
            throw new AssertionError("http was accepted");
        } catch (PasskeyReadyException.InvalidInput e) {
            assertEquals("url", e.getField());
        } catch (PasskeyReadyException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * The core's exports that cannot fail today are still declared with @Throws: every export
     * of core/src/ffi.rs returns a Result, so that a panic arrives as an exception (in Swift,
     * a non-throwing export would be called with `try!`). Each alone in its try, as above.
     */
    @Test
    void theCoreExportsThatCannotFailTodayAreDeclaredFallible() throws Exception {
        // (UniFFI's Kotlin constructor throws the core's errors without declaring them, hence
        // `throws Exception` here; PasskeyReadiness, the public API, declares them.)
        try (PasskeyReady core = new PasskeyReady((String) null)) {
            try {
                assertEquals("screen_lock", Passkey_ready_coreKt.checkIdString(CheckId.SCREEN_LOCK));
            } catch (PasskeyReadyException e) {
                throw new AssertionError(e);
            }
            try {
                assertTrue(core.exportBundle().contains("\"locales\""));
            } catch (PasskeyReadyException e) {
                throw new AssertionError(e);
            }
            try {
                assertEquals(GuideLocale.EN, core.guide(GuideLocale.EN).getLocale());
            } catch (PasskeyReadyException e) {
                throw new AssertionError(e);
            }
        }
    }
}
