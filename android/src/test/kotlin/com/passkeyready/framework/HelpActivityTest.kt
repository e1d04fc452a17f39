package com.passkeyready.framework

import android.os.Bundle
import com.passkeyready.ffi.CheckId
import com.passkeyready.ffi.RowKind
import com.passkeyready.help.PasskeyHelpActivity
import org.junit.Assert.assertEquals
import org.junit.Assert.assertTrue
import org.junit.Test
import org.junit.runner.RunWith
import org.robolectric.Robolectric
import org.robolectric.RobolectricTestRunner
import org.robolectric.annotation.Config

/**
 * [PasskeyHelpActivity] as an app starts it, on the device's real readers: titled with the
 * guide's title, the answers kept when it is recreated (rotation, or the process killed
 * while the customer is in Settings).
 */
@RunWith(RobolectricTestRunner::class)
@Config(sdk = [28, 34])
class HelpActivityTest {
    @Test
    fun `started with its intent it shows the screen and keeps the answers across recreation`() {
        val intent = PasskeyHelpActivity.intent(application(), service = "テスト銀行")
        val controller = Robolectric.buildActivity(PasskeyHelpActivity::class.java, intent).setup()
        val first = controller.get()
        val screen = first.helpView.awaitScreen(0)
        assertEquals(screen.title, first.title.toString())
        // Robolectric's account manager shows no Google account to the app: asked.
        val asked = screen.row(CheckId.GOOGLE_ACCOUNT)
        assertEquals(RowKind.TO_ANSWER, asked.kind)

        first.helpView.buttonNamed("${asked.title} ${asked.question!!.yesLabel}").performClick()
        assertEquals(RowKind.DONE, first.helpView.awaitScreen(1).row(CheckId.GOOGLE_ACCOUNT).kind)

        val state = Bundle()
        controller.saveInstanceState(state)
        val again = Robolectric.buildActivity(PasskeyHelpActivity::class.java, intent).setup(state).get()
        assertEquals(RowKind.DONE, again.helpView.awaitScreen(0).row(CheckId.GOOGLE_ACCOUNT).kind)
        assertTrue(again !== first)
    }

}
