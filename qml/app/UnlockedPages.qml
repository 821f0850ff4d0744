import QtQuick
import Punctum.Common
import Punctum.Exchange
import Punctum.Settings
import Punctum.Photos
import Punctum.Recovery
import Punctum.Sessions

// The pages behind the unlock page, by name (`table`): settings, photos and a patient's pages
// here, a clinic's in ClinicPages. PageRoutes makes this from its URL the first time the vault
// opens (so the app's start compiles only the unlock page and what it needs); each page takes
// its arguments from the router's pageArgs and asks it for the next page.
QtObject {
    id: pages
    required property var router // the PageRoutes that made this
    readonly property var pageArgs: pages.router.pageArgs
    function go(name, args) {
        pages.router.go(name, args)
    }

    readonly property var table: ({
        "settings": settingsPage,
        "attention": clinic.attentionPage, "clients": clinic.clientsPage,
        "client": clinic.clientPage, "new-client": clinic.newClientPage,
        "session": clinic.sessionPage, "log": clinic.logPage,
        "new-session": clinic.newSessionPage, "reviews": clinic.reviewsPage,
        "careplans": carePlansPage,
        "today": todayPage, "recovery": recoveryPage, "aftercare": aftercarePage,
        "photo": photoPage, "compare": comparePage, "photos": photosPage
    })
    readonly property ClinicPages clinic: ClinicPages { router: pages.router }

    readonly property Component settingsPage: Component {
        SettingsPage {
            inbox: pages.router.inbox
            Component.onCompleted: if (pages.pageArgs.section) reveal(pages.pageArgs.section)
        }
    }
    readonly property Component carePlansPage: Component {
        CarePlansPage {}
    }
    readonly property Component todayPage: Component {
        LogRecoveryPage {
            objectName: "todayPage"
            sessionId: VaultSession.latestSessionId()
            showBack: false
        }
    }
    readonly property Component recoveryPage: Component {
        SessionPage {
            objectName: "recoveryPage"
            sessionId: VaultSession.latestSessionId()
            backText: qsTr("Today")
            onBack: pages.go("today")
            onLogRecovery: pages.go("today")
            onOpenPhoto: (id) => pages.go("photo", { photoId: id, from: "recovery", back: "recovery" })
            onComparePhotos: (id) => pages.go("compare", { sessionId: id, from: "recovery", back: "recovery" })
        }
    }
    readonly property Component aftercarePage: Component {
        AftercarePage { sessionId: VaultSession.latestSessionId() }
    }
    // Photos: the viewer and compare pages go back where they were opened from (pageArgs.back:
    // "session", "photos" or "recovery"), keeping that page's arguments.
    function photoBack() {
        pages.go(pages.pageArgs.back || "session", pages.pageArgs)
    }
    readonly property Component photoPage: Component {
        PhotoViewerPage {
            photoId: pages.pageArgs.photoId || 0
            onBack: pages.photoBack()
            onCompare: (id) => pages.go("compare", Object.assign({}, pages.pageArgs, { sessionId: id }))
        }
    }
    readonly property Component comparePage: Component {
        PhotoComparePage {
            sessionId: pages.pageArgs.sessionId || 0
            onBack: pages.photoBack()
        }
    }
    readonly property Component photosPage: Component {
        PhotosPage {
            sessionId: VaultSession.latestSessionId()
            onOpenPhoto: (id) => pages.go("photo", { photoId: id, from: "photos", back: "photos" })
            onCompare: (id) => pages.go("compare", { sessionId: id, from: "photos", back: "photos" })
        }
    }
}
