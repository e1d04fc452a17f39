package com.passkeyready.device

import android.accounts.AccountManager
import android.content.Context
import com.passkeyready.ffi.CheckId
import com.passkeyready.ffi.Signal

/**
 * The OS call behind `google_account`: how many Google accounts
 * ([AccountManager.getAccountsByType] with type `com.google`) this app can see.
 *
 * Only the count crosses this interface: no account name or e-mail address is ever read into,
 * kept by or passed on by the SDK.
 */
fun interface GoogleAccountSource {
    fun visibleGoogleAccounts(): Int
}

/**
 * `google_account`: signed in to a Google account. At least one visible → yes; none visible →
 * **unknown, not no**: since Android 8 (API 26) [AccountManager] returns only the accounts
 * that are visible to the calling app, and Google accounts are normally not visible to a bank's
 * app, so an empty list says nothing about whether the customer is signed in. The core then
 * asks the customer. The OS failing to answer → unknown.
 */
class GoogleAccountReader(private val accounts: GoogleAccountSource) : SignalReader {
    override val check: CheckId = CheckId.GOOGLE_ACCOUNT

    override fun read(): Signal = readOrUnknown {
        if (accounts.visibleGoogleAccounts() > 0) Signal.YES else Signal.UNKNOWN
    }

    companion object {
        const val GOOGLE_ACCOUNT_TYPE: String = "com.google"
    }
}

/** [GoogleAccountSource] on a device: counts, and drops the accounts at once. */
class AndroidGoogleAccountSource(context: Context) : GoogleAccountSource {
    private val manager: AccountManager = AccountManager.get(context)

    override fun visibleGoogleAccounts(): Int =
        manager.getAccountsByType(GoogleAccountReader.GOOGLE_ACCOUNT_TYPE).size
}
