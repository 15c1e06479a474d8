#include "api/PagedListJob.h"

#include "api/BaseUrlPolicy.h"
#include "api/OktaClient.h"

#include <QCoreApplication>

PagedListJob::PagedListJob(OktaClient* client, QUrl firstPage, int maxPages)
    : OktaJob(client, "GET", std::move(firstPage))
    , m_maxPages(maxPages) {}

void PagedListJob::exchangeFinished(const OktaResult& page) {
    if (!page.isSuccess()) {
        finish(page);
        return;
    }
    OktaResult result = page;
    if (!page.body.isArray()) {
        result.outcome = OktaResult::Outcome::InvalidResponse;
        result.detail = QCoreApplication::translate("PagedListJob", "expected a JSON array");
        finish(result);
        return;
    }
    for (const QJsonValue& item : page.body.array())
        m_items.append(item);
    ++m_pages;

    const QUrl next = page.nextPage;
    if (next.isValid() && !next.isEmpty() && next != page.url) {
        if (!client() || !BaseUrlPolicy::isSameOrigin(next, client()->baseUrl())) {
            result.outcome = OktaResult::Outcome::InvalidResponse;
            result.detail =
                QCoreApplication::translate("PagedListJob", "the next page link points to another host (%1)")
                    .arg(next.adjusted(QUrl::RemoveUserInfo | QUrl::RemovePath | QUrl::RemoveQuery |
                                       QUrl::RemoveFragment)
                             .toString());
            finish(result);
            return;
        }
        if (m_pages >= m_maxPages) {
            result.outcome = OktaResult::Outcome::InvalidResponse;
            result.detail = QCoreApplication::translate("PagedListJob", "more than %1 pages").arg(m_maxPages);
            finish(result);
            return;
        }
        sendExchange("GET", next, {});
        return;
    }
    result.body = QJsonDocument(m_items);
    result.url = url();
    finish(result);
}
