# Zone changes: pure planning and the editor (threatdesk_add_test ...).
threatdesk_add_test(TestZoneGatewayChange SOURCES ${CMAKE_CURRENT_LIST_DIR}/TestZoneGatewayChange.cpp
                    LIBS threatdesk_models LABELS unit)
