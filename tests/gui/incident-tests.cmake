# The Detections screen and the block/exempt dialog.
threatdesk_add_test(TestDetectionsPage SOURCES ${CMAKE_CURRENT_LIST_DIR}/TestDetectionsPage.cpp
                    LIBS threatdesk_gui_test_support LABELS gui)
threatdesk_add_test(TestZoneChangeDialog SOURCES ${CMAKE_CURRENT_LIST_DIR}/TestZoneChangeDialog.cpp
                    LIBS threatdesk_gui_test_support LABELS gui)
