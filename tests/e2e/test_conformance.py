"""jupyter_kernel_test's conformance checks, fed with Java, against the installed kernel.

Every check the installed jupyter_kernel_test (0.4.5) offers gets a Java sample,
except two that Java in this kernel cannot do:
- the pager (`code_page_something`): jparallel has no pager payload;
- `code_clear_output`: there is no clear_output API in the display API.
jupyter_kernel_test has no stdin check (no `code_input` in any release), so
`test_input` below adds one written in the same style as its own checks.
"""
from __future__ import annotations

from unittest import SkipTest

import jupyter_kernel_test as jkt
import pytest
from jupyter_kernel_test.msgspec_v5 import validate_message

from conftest import KERNEL
from kernel_process import Kernel, start_kernel, stop_kernel


@pytest.mark.usefixtures("installation")
class JparallelConformance(jkt.KernelTests):
    kernel_name = KERNEL
    language_name = "java"
    file_extension = ".java"

    code_hello_world = 'System.out.println("hello, world");'
    code_stderr = 'System.err.println("something went wrong");'

    # JShell's suggestions: methods with their parentheses, "(" alone when there
    # are arguments to type. "Strin" depends on the session's imports, so only
    # test_completion_suggests_what_jshell_suggests looks inside it.
    completion_samples = [
        {"text": "Strin"},
        {"text": '"hello".len', "matches": {"length()"}},
        {"text": "Thread.currentThre", "matches": {"currentThread()"}},
        {"text": "Math.ab", "matches": {"abs(", "absExact("}},
        {"text": "%ti", "matches": {"%time", "%timeit"}},
        {"text": "%%ti", "matches": {"%%time", "%%timeit"}},
    ]

    complete_code_samples = [
        "1 + 1",
        "int x = 5;",
        'System.out.println("hi");',
        "void greet() { System.out.println(\"hi\"); }",
        "for (int i = 0; i < 3; i++) {\n    System.out.println(i);\n}",
    ]
    incomplete_code_samples = [
        "for (int i = 0; i < 3; i++) {",
        "class Point {",
        '"abc" +',
        "/* a comment that goes on",
        'String s = """\n    text block',
    ]
    invalid_code_samples = [
        "}",
        "x = (1 + ;",
    ]

    code_page_something = ""  # no pager in a Java kernel
    code_generate_error = 'throw new IllegalStateException("boom");'

    code_execute_result = [
        {"code": "1 + 1", "result": "2"},
        {"code": "6 * 7", "result": "42"},
        {"code": '"abc"', "result": '"abc"'},
        {"code": "java.util.List.of(1, 2, 3)", "result": "[1, 2, 3]"},
    ]
    code_display_data = [
        {"code": 'display(html("<b>hi</b>"))', "mime": "text/html"},
        {"code": 'display("plain words")', "mime": "text/plain"},
    ]

    # Glob, as in the messaging spec: matches "6 * 7" and no other sample.
    code_history_pattern = "6*7"
    supported_history_operations = ("tail", "range", "search")

    code_inspect_sample = "String"
    code_clear_output = ""  # no clear_output API

    code_input = "new java.util.Scanner(System.in).nextLine()"

    @classmethod
    def setUpClass(cls):
        kernel = start_kernel(cls.kernel_name)
        cls.km, cls.kc = kernel.km, kernel.kc

    @classmethod
    def tearDownClass(cls):
        stop_kernel(Kernel(cls.km, cls.kc))

    def execute_helper(
        self, code, timeout=jkt.TIMEOUT, silent=False, store_history=True, stop_on_error=True
    ):
        """The base class's helper with one change: after the reply it waits up to
        `timeout` for each iopub message, not 0.1 s (1 s for `busy`). On this 2-core
        machine a busy moment delays `idle` past 0.1 s and the check fails with
        queue.Empty, though the kernel published everything in order."""
        msg_id = self.kc.execute(
            code=code, silent=silent, store_history=store_history, stop_on_error=stop_on_error
        )
        reply = self.get_non_kernel_info_reply(timeout=timeout)
        validate_message(reply, "execute_reply", msg_id)

        busy_msg = self.kc.get_iopub_msg(timeout=timeout)
        validate_message(busy_msg, "status", msg_id)
        self.assertEqual(busy_msg["content"]["execution_state"], "busy")

        output_msgs = []
        while True:
            msg = self.kc.get_iopub_msg(timeout=timeout)
            validate_message(msg, msg["msg_type"], msg_id)
            if msg["msg_type"] == "status":
                self.assertEqual(msg["content"]["execution_state"], "idle")
                break
            elif msg["msg_type"] == "execute_input":
                self.assertEqual(msg["content"]["code"], code)
                continue
            output_msgs.append(msg)

        return reply, output_msgs

    def test_input(self):
        """An input_request reaches the client, and the reply is what the code reads."""
        if not self.code_input:
            raise SkipTest("No code input")
        self.flush_channels()
        msg_id = self.kc.execute(self.code_input, allow_stdin=True)

        request = self.kc.get_stdin_msg(timeout=jkt.TIMEOUT)
        # Not validate_message: its schema wants a number for `password`, a boolean
        # in the messaging spec.
        self.assertEqual(request["msg_type"], "input_request")
        self.assertEqual(request["parent_header"]["msg_id"], msg_id)
        self.assertIsInstance(request["content"]["prompt"], str)
        self.assertIs(request["content"]["password"], False)
        self.kc.input("typed by the user")

        reply = self.get_non_kernel_info_reply(timeout=jkt.TIMEOUT)
        validate_message(reply, "execute_reply", msg_id)
        self.assertEqual(reply["content"]["status"], "ok")

        results = []
        while True:
            msg = self.kc.get_iopub_msg(timeout=jkt.TIMEOUT)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            validate_message(msg, msg["msg_type"], msg_id)
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                break
            if msg["msg_type"] == "execute_result":
                results.append(msg["content"]["data"]["text/plain"])
        self.assertEqual(results, ['"typed by the user"'])

    def test_completion_suggests_what_jshell_suggests(self):
        for text, expected in [
            ("Strin", "String"),
            ('"hello".len', "length"),
            ("Math.ab", "abs"),
        ]:
            with self.subTest(text=text):
                msg_id = self.kc.complete(text)
                reply = self.get_non_kernel_info_reply(timeout=jkt.TIMEOUT)
                validate_message(reply, "complete_reply", msg_id)
                names = {m.split("(")[0] for m in reply["content"]["matches"]}
                self.assertIn(expected, names, reply["content"]["matches"])
