#pragma once

#include "api/OktaJob.h"

#include <QJsonArray>

// GET of a list endpoint that pages with Link rel="next": follows every page (same origin
// only) and finishes with one result whose body is the concatenated array. Request id and
// rate-limit snapshot are the last page's; a failing page fails the job.
class PagedListJob : public OktaJob {
    Q_OBJECT
public:
    PagedListJob(OktaClient* client, QUrl firstPage, int maxPages = 10000);
    int pagesFetched() const { return m_pages; }

protected:
    void exchangeFinished(const OktaResult& result) override;

private:
    QJsonArray m_items;
    int m_pages = 0;
    int m_maxPages;
};
