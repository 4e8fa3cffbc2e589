package org.jparallel.controller.hub;

import java.util.List;

/**
 * The record of one request sent to an engine: who sent it, where it went, when, and how it ended.
 * Guarded by the hub's lock.
 */
final class Task {
    final String msgId;
    final String msgType;
    final byte[] client;
    final String submitted;
    /** The raw header of the request: the parent of a reply the controller writes for a dead engine. */
    byte[] requestHeader;
    /** The request's frames while it waits in the controller for an engine; null once sent. */
    List<byte[]> waitingFrames;
    /** The request's metadata while it waits, for the scheduler. */
    com.google.gson.JsonObject waitingMetadata;
    /** Its place in the controller's queue while it waits there ({@link WaitingTasks}). */
    long queueOrder;
    /** Whether it is set aside until a task it waits for ends, and how often it was ({@link WaitingTasks}). */
    boolean aside;
    int asideTurn;
    int engineId = -1;
    /** How often it was sent again (retries, unmet requirements, a lost result remade): each a new signature. */
    int resends;
    /** Whether it runs again to remake its result, lost with the engine that held it. */
    boolean remade;
    /** How often its engine could not fetch one of its inputs from the engine holding it (that engine may be dying). */
    int inputFetchesFailed;
    String started;
    String completed;
    String status = "pending";

    Task(String msgId, String msgType, byte[] client, String submitted, byte[] requestHeader) {
        this.msgId = msgId;
        this.msgType = msgType;
        this.client = client;
        this.submitted = submitted;
        this.requestHeader = requestHeader;
    }

    boolean finished() {
        return completed != null;
    }
}
