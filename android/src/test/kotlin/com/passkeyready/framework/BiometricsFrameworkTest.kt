package com.passkeyready.framework

import android.hardware.biometrics.BiometricManager
import com.passkeyready.device.BiometricsReader
import com.passkeyready.device.NoBiometricQuery
import com.passkeyready.ffi.CheckId
import com.passkeyready.ffi.Signal
import org.junit.Assert.assertEquals
import org.junit.Assert.assertSame
import org.junit.Test
import org.junit.runner.RunWith
import org.robolectric.RobolectricTestRunner
import org.robolectric.annotation.Config
import org.robolectric.shadow.api.Shadow
import org.robolectric.shadows.ShadowBiometricManager

/** `biometrics` from the real BiometricManager: canAuthenticate() on API 29, per strength from 30. */
@RunWith(RobolectricTestRunner::class)
class BiometricsFrameworkTest {
    private fun biometrics(): ShadowBiometricManager =
        Shadow.extract(application().getSystemService(BiometricManager::class.java))

    @Test
    @Config(sdk = [23, 26, 28])
    fun `below API 29 nothing is asked and the signal is unknown`() {
        assertSame(NoBiometricQuery, BiometricsReader.android(application()).biometrics)
        assertEquals(Signal.UNKNOWN, snapshotSignal(CheckId.BIOMETRICS))
    }

    @Test
    @Config(sdk = [29, 30, 33, 34, 35])
    fun `an enrolled biometric is yes`() {
        biometrics().setCanAuthenticate(true)
        assertEquals(Signal.YES, snapshotSignal(CheckId.BIOMETRICS))
    }

    @Test
    @Config(sdk = [29, 30, 33, 34, 35])
    fun `hardware with nothing enrolled is no`() {
        // The shadow answers a non-zero "authenticator type" as canAuthenticate's result code
        // (on API 29 only while no biometric "can authenticate").
        biometrics().setCanAuthenticate(false)
        biometrics().setAuthenticatorType(BiometricManager.BIOMETRIC_ERROR_NONE_ENROLLED)
        assertEquals(Signal.NO, snapshotSignal(CheckId.BIOMETRICS))
    }

    @Test
    @Config(sdk = [29, 30, 33, 34, 35])
    fun `no biometric hardware is unknown`() {
        biometrics().setCanAuthenticate(false)
        assertEquals(Signal.UNKNOWN, snapshotSignal(CheckId.BIOMETRICS))
    }
}
