/**
 * q4j spark.
 */
package dev.q4j.spark;
