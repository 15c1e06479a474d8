#pragma once

#include <QByteArray>
#include <QVector>

// One POST /api/v1/risk/events/ip: which subjects it carries, in sending order, and (for a dry
// run, or right before sending) the exact JSON body.
struct PlannedRequest {
    int id = 0;            // 1-based: planned requests first, in priority order, then splits
    int parentId = 0;      // 0 for a planned request; else the request this one was split from
    QVector<int> subjects; // indices into the run's subjects
    QByteArray body;       // compact JSON array of events; empty until built
};
