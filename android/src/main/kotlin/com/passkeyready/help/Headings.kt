package com.passkeyready.help

import android.os.Build
import android.view.View
import android.view.accessibility.AccessibilityNodeInfo
import com.passkeyready.device.RequiresApiLevel

/**
 * Marks [view] as a heading for TalkBack, so that a customer can jump between the screen's
 * parts. API 28 has the flag; before it, TalkBack reads the heading bit of a collection item,
 * which is what the support library did too.
 */
internal fun markHeading(view: View) {
    if (Build.VERSION.SDK_INT >= HEADING_FLAG_MIN_SDK) {
        setHeadingFlag(view)
    } else {
        view.accessibilityDelegate = object : View.AccessibilityDelegate() {
            override fun onInitializeAccessibilityNodeInfo(host: View, info: AccessibilityNodeInfo) {
                super.onInitializeAccessibilityNodeInfo(host, info)
                info.collectionItemInfo = headingItem()
            }
        }
    }
}

/** The only form API 23–27 have (its replacement, a builder, is API 33). */
@Suppress("DEPRECATION")
private fun headingItem(): AccessibilityNodeInfo.CollectionItemInfo =
    AccessibilityNodeInfo.CollectionItemInfo.obtain(0, 1, 0, 1, true)

internal const val HEADING_FLAG_MIN_SDK = 28

@RequiresApiLevel(HEADING_FLAG_MIN_SDK)
private fun setHeadingFlag(view: View) {
    view.isAccessibilityHeading = true
}
