# Redacted HTTP debug logging (issue 8): the redaction rules, and real exchanges with the
# in-process sandbox org over loopback whose debug log must hold no secret.
threatdesk_add_test(TestHttpTrace SOURCES ${CMAKE_CURRENT_LIST_DIR}/TestHttpTrace.cpp
                    LIBS threatdesk_models threatdesk_sandbox Qt6::Network LABELS unit)
# No core dumps: a crash must not leave secrets in a core file.
threatdesk_add_test(TestProcessHardening SOURCES TestProcessHardening.cpp LIBS threatdesk_cli LABELS unit)
# OpenSSL keeps its state until the process is gone, so Qt's network thread can finish at exit.
find_package(OpenSSL 3 REQUIRED)
threatdesk_add_test(TestOpenSslLifetime SOURCES TestOpenSslLifetime.cpp LIBS threatdesk_cli OpenSSL::Crypto
                    LABELS unit)
