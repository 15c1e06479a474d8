# Secret hygiene and TLS (issue 8).
# TLS: real TLS servers on 127.0.0.1 with the certificates of tests/data/tls; the CLI part runs
# the threatdesk executable.
threatdesk_add_test(TestTls SOURCES ${CMAKE_CURRENT_LIST_DIR}/TestTls.cpp
                    ${PROJECT_SOURCE_DIR}/tests/support/LoopbackHttpServer.cpp
                    LIBS threatdesk_models Qt6::Network LABELS integration)
target_include_directories(TestTls PRIVATE ${PROJECT_SOURCE_DIR}/tests/support)
add_dependencies(TestTls threatdesk)
# Secret hygiene: the real threatdesk and threatdesk-sandbox executables in a throw-away HOME;
# the keychain is the real Secret Service of tests/with-keyring.sh, shared with TestCli.
threatdesk_add_test(TestSecretHygiene SOURCES ${CMAKE_CURRENT_LIST_DIR}/TestSecretHygiene.cpp
                    ${PROJECT_SOURCE_DIR}/tests/support/RecordingTcpProxy.cpp
                    LIBS threatdesk_models Qt6::Network LABELS integration)
target_include_directories(TestSecretHygiene PRIVATE ${PROJECT_SOURCE_DIR}/tests/support)
add_dependencies(TestSecretHygiene threatdesk threatdesk-sandbox)
set_tests_properties(TestSecretHygiene PROPERTIES RESOURCE_LOCK secret-service)
