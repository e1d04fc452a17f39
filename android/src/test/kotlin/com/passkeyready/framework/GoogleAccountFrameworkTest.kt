package com.passkeyready.framework

import android.accounts.Account
import android.accounts.AccountManager
import com.passkeyready.ffi.CheckId
import com.passkeyready.ffi.Signal
import org.junit.Assert.assertEquals
import org.junit.Test
import org.junit.runner.RunWith
import org.robolectric.RobolectricTestRunner
import org.robolectric.Shadows.shadowOf

/** `google_account` from the real AccountManager. */
@RunWith(RobolectricTestRunner::class)
class GoogleAccountFrameworkTest {
    private val accounts = shadowOf(AccountManager.get(application()))

    @Test
    fun `a visible Google account is yes`() {
        accounts.addAccount(Account("customer", "com.google"))
        assertEquals(Signal.YES, snapshotSignal(CheckId.GOOGLE_ACCOUNT))
    }

    @Test
    fun `no visible Google account is unknown, never no`() {
        assertEquals(Signal.UNKNOWN, snapshotSignal(CheckId.GOOGLE_ACCOUNT))
    }

    @Test
    fun `accounts of other types do not count`() {
        accounts.addAccount(Account("customer", "com.example.mail"))
        assertEquals(Signal.UNKNOWN, snapshotSignal(CheckId.GOOGLE_ACCOUNT))
    }
}
