/**
 * Charts drawn to PNG for the front ends, with XChart on Java2D, headless: what the domain computed,
 * in a picture of a fixed size. No Discord here: a front end decides where the bytes go.
 */
package dev.quiztutor.chart;
